//! The vendored JavaScript libraries (see `vendor/NOTICE`), by the name the bootstrap
//! asks for. Each is one self-contained file, evaluated as a CommonJS module.

/// The library's file name (for stack traces) and source text.
pub fn source(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "chai" => (
            "vendor/chai/chai.js",
            include_str!("../vendor/chai/chai.js"),
        ),
        "chai-postman" => (
            "vendor/chai-postman/index.js",
            include_str!("../vendor/chai-postman/index.js"),
        ),
        "lodash" => (
            "vendor/lodash/lodash.js",
            include_str!("../vendor/lodash/lodash.js"),
        ),
        "lodash3" => (
            "vendor/lodash3/index.js",
            include_str!("../vendor/lodash3/index.js"),
        ),
        "moment" => (
            "vendor/moment/moment.js",
            include_str!("../vendor/moment/moment.js"),
        ),
        "crypto-js" => (
            "vendor/crypto-js/crypto-js.js",
            include_str!("../vendor/crypto-js/crypto-js.js"),
        ),
        "ajv" => (
            "vendor/ajv/ajv.bundle.js",
            include_str!("../vendor/ajv/ajv.bundle.js"),
        ),
        "tv4" => ("vendor/tv4/tv4.js", include_str!("../vendor/tv4/tv4.js")),
        _ => return None,
    })
}

/// The source wrapped so it takes its CommonJS branch and returns `module.exports`. The
/// prefix has no line break, so line numbers in stack traces stay the file's own.
pub fn as_module(source: &str) -> String {
    let mut wrapped = String::with_capacity(source.len() + 200);
    wrapped.push_str(
        "(function () { var module = { exports: {} }, exports = module.exports, \
         global = globalThis, self = globalThis; ",
    );
    wrapped.push_str(source);
    wrapped.push_str("\n;return module.exports; })()");
    wrapped
}
