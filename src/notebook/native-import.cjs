// Loaded with Node's own `require`, so this `import()` is always Node's loader (and its
// module hooks), even when the caller runs inside a test runner's or bundler's module system.
// It imports an instrumented lesson and runs its cells (the module's default export).
module.exports = async (specifier) => {
  // Called detached, so stack frames name the function and not "Module.<name>".
  const { default: runCells } = await import(specifier);
  await runCells();
};
