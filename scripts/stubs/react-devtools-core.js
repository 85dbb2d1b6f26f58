// Ink imports react-devtools-core only for its devtools (DEV=true), which the bundle leaves out;
// esbuild still resolves the import, and the package is not installed: this stands in for it.
export default { initialize() {}, connectToDevTools() {} };
