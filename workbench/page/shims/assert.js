// Node's `assert`, as far as antlr4ts (under adaptivecards-templating's expression parser) uses it in the browser.
function assert(value, message) {
  if (!value) {
    throw new Error(message || 'assertion failed');
  }
}
assert.ok = assert;
assert.strictEqual = (a, b, message) => assert(a === b, message);
module.exports = assert;
