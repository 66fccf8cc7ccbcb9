// Node's `util`, as far as antlr4ts uses it in the browser (BitSet names its inspector with util.inspect.custom).
function inspect(value) {
  return String(value);
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
module.exports = { inspect, promisify: (f) => (...args) => new Promise((resolve, reject) => f(...args, (e, v) => (e ? reject(e) : resolve(v)))) };
