// Node's `os`, as far as adaptive-expressions uses it (the EOL function).
module.exports = { EOL: '\n' };
