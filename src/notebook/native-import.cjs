// Loaded with Node's own `require`, so this `import()` is always Node's loader (and its
// module hooks), even when the caller runs inside a test runner's or bundler's module system.
module.exports = (specifier) => import(specifier);
