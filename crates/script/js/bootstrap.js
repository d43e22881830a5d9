// The realm's one-time setup: Postman's `pm` API and legacy globals over the vendored
// libraries, run by the script runtime (src/realm.rs) once per realm, before any user
// script. Ours, not Postman's: written from Postman's documented behaviour.
//
// Isolation (what keeps one case's script from reaching the next case's):
// - the built-in prototypes and namespaces are frozen here, before any user code runs,
//   and every library is frozen as it loads: a script cannot pollute them;
// - user scripts run as function bodies whose parameters are `pm`, `tests`, `postman`...,
//   so their `var`s and those names are theirs alone, made anew for every case;
// - globals a script creates (`x = 1` without `var`) are deleted after the case
//   (`sweep`), and the globals set here cannot be replaced.
//
// Rust calls `__aat.run(inputJson)` and gets the case's outcome as JSON text.
(function (global, natives) {
    'use strict';

    delete global.__natives;
    var loadSource = natives.load; // (name) -> the library's exports, evaluated once
    var xmlToJsonText = natives.xml2json; // (text) -> xml2js's JSON as text, or undefined
    var dynamicValue = natives.dynamic; // ('$guid', '$randomEmail'...) -> text, or undefined

    // ---- freezing -------------------------------------------------------------------

    function deepFreeze(root) {
        var stack = [root];
        while (stack.length) {
            var value = stack.pop();
            if ((typeof value !== 'object' && typeof value !== 'function') || value === null ||
                Object.isFrozen(value)) {
                continue;
            }
            Object.freeze(value);
            var keys = Reflect.ownKeys(value);
            for (var i = 0; i < keys.length; i++) {
                var d = Object.getOwnPropertyDescriptor(value, keys[i]);
                if (!d) { continue; }
                if ('value' in d) { stack.push(d.value); }
                if (d.get) { stack.push(d.get); }
                if (d.set) { stack.push(d.set); }
            }
            stack.push(Object.getPrototypeOf(value));
        }
        return root;
    }

    var intrinsics = [
        Object, Function, Array, String, Number, Boolean, Symbol, Date, RegExp, Error,
        TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, Promise,
        Map, Set, WeakMap, WeakSet, ArrayBuffer, DataView, JSON, Math, Reflect, Proxy,
        Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
        Uint32Array, Float32Array, Float64Array, BigInt, BigInt64Array, BigUint64Array,
        Object.getPrototypeOf(Int8Array), Object.getPrototypeOf(function* () {}),
        Object.getPrototypeOf(async function () {}), Object.getPrototypeOf([][Symbol.iterator]())
    ];

    // ---- libraries --------------------------------------------------------------------

    var libraries = {};
    function library(name) {
        if (!Object.prototype.hasOwnProperty.call(libraries, name)) {
            var exports = loadSource(name);
            if (name === 'chai') { exports = withPostmanAssertions(exports); }
            libraries[name] = deepFreeze(exports);
        }
        return libraries[name];
    }

    // chai-postman asks the collection SDK whether a value is a request or a response.
    var sdk = {
        Request: { isRequest: function (o) { return Boolean(o) && o.__postmanKind === 'Request'; } },
        Response: { isResponse: function (o) { return Boolean(o) && o.__postmanKind === 'Response'; } }
    };

    function withPostmanAssertions(chai) {
        chai.use(loadSource('chai-postman')(sdk, library('lodash'), function (options) {
            var Ajv = library('ajv');
            return new Ajv(options);
        }));
        chai.use(fastStatus);
        return chai;
    }

    // `pm.response.to.have.status(200)`, the commonest check there is, made cheap when it
    // holds: chai-postman's version builds three more Assertions first. Anything else
    // (negated, failing, not a response) goes to chai-postman's own, so verdicts and
    // messages are exactly its.
    function fastStatus(chai, utils) {
        chai.Assertion.overwriteMethod('status', function (original) {
            return function (codeOrReason) {
                var response = this._obj;
                if (!utils.flag(this, 'negate') && sdk.Response.isResponse(response)) {
                    var holds = typeof codeOrReason === 'number'
                        ? typeof response.code === 'number' && response.code === codeOrReason
                        : typeof codeOrReason === 'string' && response.reason() === codeOrReason;
                    if (holds) { return undefined; }
                }
                return original.apply(this, arguments);
            };
        });
    }

    var modules = {
        chai: 'chai', lodash: 'lodash', moment: 'moment', 'crypto-js': 'crypto-js',
        ajv: 'ajv', tv4: 'tv4'
    };
    function requireModule(id) {
        if (id === 'uuid') { return uuidModule; }
        if (id === 'atob') { return atobFn; }
        if (id === 'btoa') { return btoaFn; }
        if (!Object.prototype.hasOwnProperty.call(modules, id)) {
            throw new Error("Cannot find module '" + id + "'");
        }
        if (id === 'tv4') { return freshTv4(); }
        return library(modules[id]);
    }

    // tv4 keeps its last error and added schemas on the instance: each case gets its own.
    function freshTv4() { return library('tv4').freshApi(); }

    // ---- small helpers -----------------------------------------------------------------

    function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

    function uuid4() {
        var hex = '0123456789abcdef', out = '';
        for (var i = 0; i < 36; i++) {
            if (i === 8 || i === 13 || i === 18 || i === 23) { out += '-'; continue; }
            if (i === 14) { out += '4'; continue; }
            var r = Math.floor(Math.random() * 16);
            out += hex[i === 19 ? (r & 0x3) | 0x8 : r];
        }
        return out;
    }
    var uuidModule = { v4: uuid4 }; // frozen with the intrinsics, below

    var BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    function btoaFn(text) {
        text = String(text);
        var out = '';
        for (var i = 0; i < text.length; i += 3) {
            var a = text.charCodeAt(i), b = text.charCodeAt(i + 1), c = text.charCodeAt(i + 2);
            if (a > 255 || b > 255 || c > 255) {
                throw new Error('btoa: the string holds characters outside Latin-1');
            }
            var n = (a << 16) | ((b || 0) << 8) | (c || 0);
            out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63] +
                (i + 1 < text.length ? BASE64[(n >> 6) & 63] : '=') +
                (i + 2 < text.length ? BASE64[n & 63] : '=');
        }
        return out;
    }
    function atobFn(text) {
        text = String(text).replace(/[\s=]/g, '');
        var out = '', bits = 0, buffer = 0;
        for (var i = 0; i < text.length; i++) {
            var v = BASE64.indexOf(text[i]);
            if (v < 0) { throw new Error('atob: not base64'); }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out += String.fromCharCode((buffer >> bits) & 0xff);
            }
        }
        return out;
    }

    function describe(value) {
        if (typeof value === 'string') { return value; }
        if (value instanceof Error) { return value.name + ': ' + value.message; }
        try {
            var json = JSON.stringify(value);
            return json === undefined ? String(value) : json;
        } catch (e) {
            return String(value);
        }
    }

    // ---- variable scopes ---------------------------------------------------------------

    var VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;

    function asText(value) {
        if (value === undefined || value === null) { return ''; }
        return typeof value === 'string' ? value : describe(value);
    }

    // One scope (environment, globals, collection variables, iteration data, local): a
    // plain map of name -> value, with Postman's methods. `changes` records what the
    // case did, for the runner to keep.
    function Scope(name, values, readOnly, changes) {
        this.name = name;
        this.values = values;
        this.readOnly = readOnly;
        this.changes = changes;
    }
    // Methods on the prototype (frozen with the realm's own classes below): a case makes
    // five scopes, and closures per instance would cost each case their allocation.
    Scope.prototype = {
        constructor: Scope,
        write: function () {
            if (this.readOnly) { throw new Error('pm.' + this.name + ' is read-only'); }
        },
        has: function (key) { return has(this.values, key); },
        get: function (key) { return has(this.values, key) ? this.values[key] : undefined; },
        set: function (key, value) {
            this.write();
            key = String(key);
            this.values[key] = value;
            this.changes.push({ scope: this.name, name: key, value: value === undefined ? null : value });
            return this;
        },
        unset: function (key) {
            this.write();
            key = String(key);
            if (has(this.values, key)) {
                delete this.values[key];
                this.changes.push({ scope: this.name, name: key, unset: true });
            }
        },
        clear: function () {
            this.write();
            Object.keys(this.values).forEach(function (key) { this.unset(key); }, this);
        },
        toObject: function () { return Object.assign({}, this.values); },
        toJSON: function () {
            var values = this.values;
            return Object.keys(values).map(function (key) { return { key: key, value: values[key] }; });
        },
        replaceIn: function (text) {
            var self = this;
            return replaceIn(text, function (key) { return self.get(key); });
        }
    };

    function replaceIn(text, lookup) {
        if (typeof text !== 'string') { return text; }
        for (var depth = 0; depth < 16 && text.indexOf('{{') >= 0; depth++) {
            var changed = false;
            text = text.replace(VARIABLE, function (whole, key) {
                var value = key.charAt(0) === '$' ? dynamicValue(key) : lookup(key);
                if (value === undefined) { return whole; }
                changed = true;
                return asText(value);
            });
            if (!changed) { break; }
        }
        return text;
    }

    // ---- headers, URLs, requests and responses -----------------------------------------

    // A list of {key, value} with Postman's PropertyList methods (headers, query).
    function PropertyList(pairs, caseInsensitive) {
        this.list = pairs.map(function (p) { return { key: p[0], value: p[1] }; });
        this.caseInsensitive = caseInsensitive;
    }
    function normalizeRow(item) {
        if (typeof item === 'string') {
            var at = item.indexOf(':');
            return { key: at < 0 ? item : item.slice(0, at).trim(), value: at < 0 ? '' : item.slice(at + 1).trim() };
        }
        return { key: item.key, value: item.value, disabled: item.disabled };
    }
    PropertyList.prototype = {
        constructor: PropertyList,
        same: function (a, b) {
            return this.caseInsensitive ? String(a).toLowerCase() === String(b).toLowerCase() : a === b;
        },
        one: function (key) {
            for (var i = this.list.length - 1; i >= 0; i--) {
                if (this.same(this.list[i].key, key)) { return this.list[i]; }
            }
            return undefined;
        },
        has: function (key, value) {
            var found = this.one(key);
            return Boolean(found) && (arguments.length < 2 || found.value === value);
        },
        get: function (key) { var f = this.one(key); return f ? f.value : undefined; },
        all: function () { return this.list.slice(); },
        count: function () { return this.list.length; },
        each: function (fn) { this.list.forEach(fn); },
        map: function (fn) { return this.list.map(fn); },
        filter: function (fn) { return this.list.filter(fn); },
        find: function (fn) { return this.list.find(fn); },
        idx: function (i) { return this.list[i]; },
        toObject: function () {
            var out = {};
            this.list.forEach(function (p) { if (!p.disabled) { out[p.key] = p.value; } });
            return out;
        },
        toJSON: function () { return this.list.slice(); },
        add: function (item) { this.list.push(normalizeRow(item)); },
        append: function (item) { this.list.push(normalizeRow(item)); },
        upsert: function (item) {
            item = normalizeRow(item);
            var found = this.one(item.key);
            if (found) { found.value = item.value; } else { this.list.push(item); }
        },
        remove: function (key) {
            var self = this;
            this.list = this.list.filter(function (p) {
                return typeof key === 'function' ? !key(p) : !self.same(p.key, typeof key === 'object' ? key.key : key);
            });
        },
        clear: function () { this.list = []; },
        pairs: function () {
            return this.list.filter(function (p) { return !p.disabled; }).map(function (p) { return [String(p.key), asText(p.value)]; });
        }
    };

    function Url(text) {
        var self = this;
        var parsed = splitUrl(text);
        this.protocol = parsed.protocol;
        this.host = parsed.host ? parsed.host.split('.') : [];
        this.port = parsed.port;
        this.path = parsed.path ? parsed.path.split('/') : [];
        this.query = new PropertyList(parsed.query, false);
        this.hash = parsed.hash;
        this.getHost = function () { return self.host.join('.'); };
        this.getPath = function () { return '/' + self.path.join('/'); };
        this.getQueryString = function () {
            return self.query.all().filter(function (p) { return !p.disabled; }).map(function (p) {
                return p.value === null || p.value === undefined ? p.key : p.key + '=' + p.value;
            }).join('&');
        };
        this.getPathWithQuery = function () {
            var q = self.getQueryString();
            return self.getPath() + (q ? '?' + q : '');
        };
        this.getRemote = function () { return self.getHost() + (self.port ? ':' + self.port : ''); };
        this.addQueryParams = function (params) {
            (Array.isArray(params) ? params : [params]).forEach(function (p) { self.query.add(p); });
        };
        this.removeQueryParams = function (keys) {
            (Array.isArray(keys) ? keys : [keys]).forEach(function (k) { self.query.remove(k); });
        };
        this.toString = function () {
            var q = self.getQueryString();
            return (self.protocol ? self.protocol + '://' : '') + self.getRemote() +
                (self.path.length ? '/' + self.path.join('/') : '') + (q ? '?' + q : '') +
                (self.hash ? '#' + self.hash : '');
        };
        this.toJSON = function () { return self.toString(); };
        this.update = function (next) {
            var fresh = new Url(String(next));
            ['protocol', 'host', 'port', 'path', 'query', 'hash'].forEach(function (k) { self[k] = fresh[k]; });
        };
    }

    function splitUrl(text) {
        text = String(text);
        var out = { protocol: '', host: '', port: '', path: '', query: [], hash: '' };
        var hashAt = text.indexOf('#');
        if (hashAt >= 0) { out.hash = text.slice(hashAt + 1); text = text.slice(0, hashAt); }
        var queryAt = text.indexOf('?');
        if (queryAt >= 0) {
            out.query = text.slice(queryAt + 1).split('&').filter(Boolean).map(function (pair) {
                var eq = pair.indexOf('=');
                return eq < 0 ? [pair, null] : [pair.slice(0, eq), pair.slice(eq + 1)];
            });
            text = text.slice(0, queryAt);
        }
        var scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
        if (scheme) { out.protocol = scheme[1]; text = text.slice(scheme[0].length); }
        var slash = text.indexOf('/');
        var remote = slash < 0 ? text : text.slice(0, slash);
        out.path = slash < 0 ? '' : text.slice(slash + 1);
        var colon = remote.lastIndexOf(':');
        if (colon > 0 && /^\d+$/.test(remote.slice(colon + 1))) {
            out.port = remote.slice(colon + 1);
            remote = remote.slice(0, colon);
        }
        out.host = remote;
        return out;
    }

    // What `pm.sendRequest` was given (a URL, or Postman's request shape) as the request
    // the runtime sends: `{{variables}}` replaced, a body as text with its Content-Type.
    function requestOf(spec, replace) {
        if (typeof spec === 'string' || spec instanceof Url) { spec = { url: String(spec) }; }
        spec = spec || {};
        var url = spec.url;
        if (url && typeof url === 'object') { url = url.raw !== undefined ? url.raw : String(url); }
        var headers = [];
        var header = spec.header || spec.headers;
        if (Array.isArray(header)) {
            header.forEach(function (h) { if (h && !h.disabled) { headers.push([String(h.key), replace(asText(h.value))]); } });
        } else if (typeof header === 'string') {
            header.split('\n').forEach(function (line) {
                var at = line.indexOf(':');
                if (at > 0) { headers.push([line.slice(0, at).trim(), replace(line.slice(at + 1).trim())]); }
            });
        } else if (header && typeof header === 'object') {
            Object.keys(header).forEach(function (k) { headers.push([k, replace(asText(header[k]))]); });
        }
        var hasType = headers.some(function (h) { return h[0].toLowerCase() === 'content-type'; });
        var body = null;
        var b = spec.body;
        if (b && b.mode === 'urlencoded' && Array.isArray(b.urlencoded)) {
            body = b.urlencoded.filter(function (f) { return f && !f.disabled; }).map(function (f) {
                return encodeURIComponent(String(f.key)) + '=' + encodeURIComponent(replace(asText(f.value)));
            }).join('&');
            if (!hasType) { headers.push(['Content-Type', 'application/x-www-form-urlencoded']); }
        } else if (b && b.mode === 'raw') {
            body = replace(asText(b.raw));
            var language = b.options && b.options.raw && b.options.raw.language;
            if (!hasType && language === 'json') { headers.push(['Content-Type', 'application/json']); }
        } else if (b && b.mode) {
            throw new Error('pm.sendRequest: body mode ' + b.mode + ' is not supported yet');
        }
        return { method: String(spec.method || 'GET').toUpperCase(), url: replace(String(url || '')), headers: headers, body: body };
    }

    function Request(data, chai) {
        var self = this;
        Object.defineProperty(this, '__postmanKind', { value: 'Request' });
        this.id = data.id;
        this.name = data.name;
        this.method = data.method;
        var url = new Url(data.url);
        Object.defineProperty(this, 'url', {
            enumerable: true,
            get: function () { return url; },
            set: function (next) { url = next instanceof Url ? next : new Url(typeof next === 'object' && next && next.raw ? next.raw : String(next)); }
        });
        this.headers = new PropertyList(data.headers, true);
        this.body = data.body === null ? undefined : {
            mode: 'raw',
            raw: data.body,
            toString: function () { return self.body.raw; },
            update: function (next) { self.body.raw = typeof next === 'string' ? next : (next && next.raw) || ''; }
        };
        this.addHeader = function (h) { self.headers.add(h); };
        this.upsertHeader = function (h) { self.headers.upsert(h); };
        this.removeHeader = function (k) { self.headers.remove(k); };
        this.getHeaders = function () { return self.headers.toObject(); };
        this.toJSON = function () {
            return { method: self.method, url: String(url), header: self.headers.toJSON(), body: self.body && self.body.raw };
        };
        Object.defineProperty(this, 'to', { get: function () { return chai().expect(self).to; } });
    }

    var REASONS = {
        100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted',
        203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content',
        206: 'Partial Content', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found',
        303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
        400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
        404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout',
        409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
        413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
        418: "I'm a teapot", 422: 'Unprocessable Entity', 423: 'Locked', 425: 'Too Early',
        426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
        500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
        503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported'
    };

    function Response(data, chai) {
        var self = this;
        Object.defineProperty(this, '__postmanKind', { value: 'Response' });
        // A request that failed has a response without a code (code 0 from Rust).
        this.code = data.code || undefined;
        this.status = data.reason || REASONS[data.code] || '';
        this.headers = new PropertyList(data.headers, true);
        this.responseTime = data.responseTime;
        this.responseSize = data.bodySize;
        this.cookies = new PropertyList(data.cookies.map(function (c) { return [c.name, c.value]; }), false);
        var body = data.body;
        this.text = function () { return body; };
        this.json = function () { return JSON.parse(body); };
        this.reason = function () { return self.status; };
        this.details = function () { return { code: self.code, name: self.status, detail: '' }; };
        this.size = function () {
            var header = 0;
            data.headers.forEach(function (h) { header += h[0].length + h[1].length + 4; });
            return { body: data.bodySize, header: header, total: data.bodySize + header };
        };
        this.dataURI = function () { return 'data:' + (self.headers.get('content-type') || '') + ';base64,' + btoaFn(unescape(encodeURIComponent(body))); };
        Object.defineProperty(this, 'to', { get: function () { return chai().expect(self).to; } });
        Object.defineProperty(this, 'be', { get: function () { return chai().expect(self).to.be; } });
    }

    // ---- one case ----------------------------------------------------------------------

    var compiled = [];

    // The parameters every user script sees, in this order (see `realm.rs`, which wraps
    // each script text in a function taking them).
    var PARAMETERS = ['pm', 'postman', 'tests', 'responseBody', 'responseCode', 'responseHeaders',
        'responseTime', 'responseCookies', 'request', 'environment', 'globals', 'data',
        'iteration', '_', 'CryptoJS', 'tv4', 'xml2Json', 'require', 'console', 'setTimeout',
        'clearTimeout', 'setInterval', 'clearInterval', 'atob', 'btoa'];

    function run(input) {
        var changes = [];
        var consoleLines = [];
        var testResults = [];
        var pending = [];
        var nextRequest; // undefined: not set; null: stop the run
        var skipRequest = false;
        var chai = function () { return library('chai'); };
        var scopes = {
            globals: new Scope('globals', input.scopes.globals, false, changes),
            collectionVariables: new Scope('collectionVariables', input.scopes.collectionVariables, false, changes),
            environment: new Scope('environment', input.scopes.environment, false, changes),
            iterationData: new Scope('iterationData', input.scopes.iterationData, true, changes),
            variables: new Scope('variables', input.scopes.variables, false, changes)
        };
        // pm.variables reads every scope (local > data > environment > collection > globals)
        // and writes the local one.
        var order = [scopes.variables, scopes.iterationData, scopes.environment, scopes.collectionVariables, scopes.globals];
        var local = scopes.variables;
        var variables = Object.create(null);
        variables.has = function (key) { return order.some(function (s) { return s.has(key); }); };
        variables.get = function (key) {
            for (var i = 0; i < order.length; i++) { if (order[i].has(key)) { return order[i].get(key); } }
            return undefined;
        };
        variables.set = function (key, value) { local.set(key, value); return variables; };
        variables.unset = function (key) { local.unset(key); };
        variables.clear = function () { local.clear(); };
        variables.toObject = function () {
            var out = {};
            for (var i = order.length - 1; i >= 0; i--) { Object.assign(out, order[i].values); }
            return out;
        };
        variables.replaceIn = function (text) { return replaceIn(text, variables.get); };

        // Built on first use: most scripts read only a few of these.
        var requestMade;
        var responseMade;
        var request = function () { return requestMade || (requestMade = new Request(input.request, chai)); };
        var response = function () {
            if (!responseMade && input.response) { responseMade = new Response(input.response, chai); }
            return responseMade;
        };

        var console_ = {};
        ['log', 'info', 'warn', 'error', 'debug'].forEach(function (level) {
            console_[level] = function () {
                var parts = [];
                for (var i = 0; i < arguments.length; i++) { parts.push(describe(arguments[i])); }
                if (consoleLines.length < 1000) { consoleLines.push({ level: level, text: parts.join(' ').slice(0, 10000) }); }
            };
        });

        var timers = [];
        var timerSeq = 0;
        function setTimeout_(fn, ms) {
            timerSeq += 1;
            timers.push({ id: timerSeq, at: Number(ms) || 0, seq: timerSeq, fn: fn, args: Array.prototype.slice.call(arguments, 2) });
            return timerSeq;
        }
        function clearTimeout_(id) { timers = timers.filter(function (t) { return t.id !== id; }); }

        function outcome(name, error, skipped) {
            var result = { name: String(name), passed: !error && !skipped, skipped: Boolean(skipped) };
            if (error) {
                result.error = {
                    name: (error && error.name) || 'Error',
                    message: error && error.message !== undefined ? String(error.message) : describe(error)
                };
                if (error && has(error, 'expected')) { result.error.expected = describe(error.expected); }
                if (error && has(error, 'actual')) { result.error.actual = describe(error.actual); }
            }
            return result;
        }

        // A test is recorded where it is declared; one that finishes later (a promise, or
        // `function (done)`) replaces its entry when it settles.
        function test(name, fn) {
            if (typeof fn !== 'function') { testResults.push(outcome(name, null, true)); return pm; }
            var index = testResults.length;
            testResults.push(outcome(name, null, false));
            var settle = function (error) { testResults[index] = outcome(name, error || null, false); };
            try {
                if (fn.length > 0) {
                    var finished = false;
                    pending.push({ index: index, name: name, check: function () { return finished; } });
                    fn(function (error) { finished = true; settle(error); });
                } else {
                    var returned = fn();
                    if (returned && typeof returned.then === 'function') {
                        var done = false;
                        pending.push({ index: index, name: name, check: function () { return done; } });
                        returned.then(function () { done = true; settle(null); },
                            function (error) { done = true; settle(error || new Error('rejected')); });
                    }
                }
            } catch (error) {
                settle(error);
            }
            return pm;
        }
        test.skip = function (name) { testResults.push(outcome(name, null, true)); return pm; };

        // pm.sendRequest: requests wait in `outgoing` until the runtime sends them (between
        // promise jobs and timers) and hands each answer to `deliver`.
        var outgoing = [];
        var waiting = {};
        var requestSeq = 0;
        function sendRequest(spec, callback) {
            requestSeq += 1;
            var id = requestSeq;
            outgoing.push({ id: id, request: requestOf(spec, variables.replaceIn) });
            if (typeof callback === 'function') {
                waiting[id] = { callback: callback };
                return undefined;
            }
            return new Promise(function (resolve, reject) { waiting[id] = { resolve: resolve, reject: reject }; });
        }
        function deliver(id, answerJson) {
            var wait = waiting[id];
            delete waiting[id];
            if (!wait) { return; }
            var answer = JSON.parse(answerJson);
            var failure = answer.error !== undefined ? new Error(answer.error) : null;
            var res = failure ? undefined : new Response(answer.response, chai);
            try {
                if (wait.callback) { wait.callback(failure, res); } else if (failure) { wait.reject(failure); } else { wait.resolve(res); }
            } catch (e) {
                if (!error) { error = e; }
            }
        }

        var info = Object.freeze({
            eventName: input.phase,
            iteration: input.info.iteration,
            iterationCount: input.info.iterationCount,
            requestName: input.info.requestName,
            requestId: input.info.requestId
        });

        var execution = Object.freeze({
            setNextRequest: function (name) { nextRequest = name === null ? null : String(name); },
            skipRequest: function () { skipRequest = true; },
            location: Object.freeze([input.info.requestName])
        });

        var pm = {
            test: test,
            expect: function (value, message) { return chai().expect(value, message); },
            info: info,
            environment: scopes.environment,
            globals: scopes.globals,
            collectionVariables: scopes.collectionVariables,
            iterationData: scopes.iterationData,
            variables: variables,
            execution: execution,
            setNextRequest: execution.setNextRequest,
            require: requireModule,
            sendRequest: sendRequest
        };
        Object.defineProperty(pm, 'visualizer', { value: Object.freeze({ set: function () {} }) });
        Object.defineProperty(pm, 'request', { enumerable: true, get: request });
        Object.defineProperty(pm, 'response', { enumerable: true, get: response });
        Object.defineProperty(pm, 'cookies', {
            enumerable: true,
            get: function () { return response() ? response().cookies : new PropertyList([], false); }
        });

        // The legacy interface (Postman's sandbox before `pm`).
        var tests = {};
        var received = function () { return Boolean(response() && response().code); };
        var postman = function () {
            return {
            setEnvironmentVariable: function (k, v) { scopes.environment.set(k, v); },
            getEnvironmentVariable: function (k) { return scopes.environment.get(k); },
            clearEnvironmentVariable: function (k) { scopes.environment.unset(k); },
            clearEnvironmentVariables: function () { scopes.environment.clear(); },
            setGlobalVariable: function (k, v) { scopes.globals.set(k, v); },
            getGlobalVariable: function (k) { return scopes.globals.get(k); },
            clearGlobalVariable: function (k) { scopes.globals.unset(k); },
            clearGlobalVariables: function () { scopes.globals.clear(); },
            getResponseHeader: function (k) { return response() ? response().headers.get(k) : undefined; },
            getResponseCookie: function (k) {
                var c = response() && response().cookies.one(k);
                return c ? { name: c.key, value: c.value } : undefined;
            },
            setNextRequest: execution.setNextRequest
            };
        };
        // xml2js's shape (src/xml.rs); undefined when the text is not XML, as in Postman.
        var xml2Json = function (text) {
            var json = xmlToJsonText(String(text));
            return json === undefined ? undefined : JSON.parse(json);
        };

        // Each parameter of PARAMETERS, made only for the scripts whose text names it.
        var make = function (i) {
            switch (i) {
                case 0: return pm;
                case 1: return postman();
                case 2: return tests;
                case 3: return received() ? response().text() : undefined;
                case 4: return received() ? { code: response().code, name: response().status, detail: response().status } : {};
                case 5: return response() ? response().headers.toObject() : {};
                case 6: return response() ? response().responseTime : undefined;
                case 7: return response() ? response().cookies.all().map(function (c) { return { name: c.key, value: c.value }; }) : [];
                case 8: {
                    var r = request();
                    return { url: String(r.url), method: r.method, headers: r.headers.toObject(), data: r.body ? r.body.raw : {} };
                }
                case 9: return scopes.environment.toObject();
                case 10: return scopes.globals.toObject();
                case 11: return scopes.iterationData.toObject();
                case 12: return input.info.iteration;
                case 13: return library('lodash3');
                case 14: return library('crypto-js');
                case 15: return freshTv4();
                case 16: return xml2Json;
                case 17: return requireModule;
                case 18: return console_;
                case 19: case 21: return setTimeout_;
                case 20: case 22: return clearTimeout_;
                case 23: return atobFn;
                case 24: return btoaFn;
                default: return undefined;
            }
        };
        var made = [];
        var argument = function (i) {
            if (!(i in made)) { made[i] = make(i); }
            return made[i];
        };

        var error = null;
        var scriptIndex = -1;
        for (var s = 0; s < input.scripts.length && !error; s++) {
            scriptIndex = s;
            var fn = compiled[input.scripts[s]];
            var needs = fn.__needs;
            var callArgs = [];
            for (var i = 0; i < needs.length; i++) { callArgs.push(needs[i] ? argument(i) : undefined); }
            try {
                fn.apply(undefined, callArgs);
            } catch (e) {
                error = e;
            }
            // Legacy `tests[...]` entries are the script's tests too, in insertion order.
            Object.keys(tests).forEach(function (name) {
                var passed = Boolean(tests[name]);
                testResults.push(passed ? outcome(name, null, false) : outcome(name, { name: 'AssertionError', message: 'expected ' + describe(tests[name]) + ' to be truthy' }, false));
                delete tests[name];
            });
        }

        return {
            finish: function (drained) {
                pending.forEach(function (p) {
                    if (!p.check()) {
                        testResults[p.index] = outcome(p.name, { name: 'Error', message: 'the test did not finish' + (drained ? '' : ' in time') }, false);
                    }
                });
                var out = {
                    tests: testResults,
                    changes: changes,
                    console: consoleLines,
                    skipRequest: skipRequest
                };
                if (nextRequest !== undefined) { out.nextRequest = nextRequest; }
                if (!drained && !error) {
                    error = { name: 'Error', message: 'the script ran past its time limit (timers or promises were still pending)', stack: '' };
                    scriptIndex = input.scripts.length - 1;
                }
                if (error) {
                    out.error = {
                        script: scriptIndex,
                        name: (error && error.name) || 'Error',
                        message: error && error.message !== undefined ? String(error.message) : describe(error),
                        stack: (error && error.stack) || ''
                    };
                }
                if (input.phase === 'prerequest' && requestMade) {
                    out.request = {
                        id: input.request.id,
                        name: input.request.name,
                        method: String(requestMade.method).toUpperCase(),
                        url: String(requestMade.url),
                        headers: requestMade.headers.pairs(),
                        body: requestMade.body ? asText(requestMade.body.raw) : null
                    };
                }
                return JSON.stringify(out);
            },
            takeRequests: function () {
                var taken = JSON.stringify(outgoing);
                outgoing = [];
                return taken;
            },
            deliver: deliver,
            // Runs the earliest timer; false when none is left.
            tick: function () {
                if (!timers.length) { return false; }
                timers.sort(function (a, b) { return a.at - b.at || a.seq - b.seq; });
                var t = timers.shift();
                try { t.fn.apply(undefined, t.args); } catch (e) { if (!error) { error = e; } }
                return true;
            }
        };
    }

    // ---- the realm's entry points ------------------------------------------------------

    var baseline;
    var api = Object.freeze({
        PARAMETERS: Object.freeze(PARAMETERS.slice()),
        // Keeps a compiled script; `needs` says which lazy parameters its text names.
        keep: function (fn, text) {
            // Which parameters the text names (a name in a comment or a string counts too:
            // making one that is not used only costs a little).
            fn.__needs = PARAMETERS.map(function (name) {
                return new RegExp('(^|[^\\w$])' + name.replace('$', '\\$') + '($|[^\\w$])').test(text);
            });
            compiled.push(fn);
            return compiled.length - 1;
        },
        forget: function () { compiled = []; },
        start: function (inputJson) { return run(JSON.parse(inputJson)); },
        // Deletes the globals a case created (`x = 1` without `var`).
        sweep: function () {
            var now = Reflect.ownKeys(global);
            if (now.length === baseline.length) { return 0; }
            var removed = 0;
            now.forEach(function (key) {
                if (baseline.indexOf(key) < 0) { delete global[key]; removed += 1; }
            });
            return removed;
        }
    });

    // The "override mistake": on a frozen prototype, `obj.toString = f` fails even though
    // `obj` is not frozen. The properties scripts and libraries commonly set on their own
    // objects become accessors that define the property on the object instead (as SES
    // does); the rest stay plain (an accessor on every method would slow every call).
    var OVERRIDABLE = ['constructor', 'toString', 'toLocaleString', 'valueOf', 'toJSON', 'name',
        'message', 'hasOwnProperty', 'then', 'catch', 'stack'];
    function enableOverride(proto, key) {
        var d = Object.getOwnPropertyDescriptor(proto, key);
        if (!d || !('value' in d) || !d.configurable) { return; }
        var value = d.value;
        Object.defineProperty(proto, key, {
            get: function () { return value; },
            set: function (next) {
                if (this === proto) {
                    throw new TypeError("Cannot assign to read only property '" + String(key) + "'");
                }
                Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
            },
            enumerable: d.enumerable,
            configurable: false
        });
    }
    intrinsics.forEach(function (object) {
        var proto = object.prototype;
        [object, proto].forEach(function (target) {
            if (target && (typeof target === 'object' || typeof target === 'function')) {
                OVERRIDABLE.forEach(function (key) { enableOverride(target, key); });
            }
        });
    });
    // Postman's legacy sandbox gives strings `has` (`responseBody.has("id")`).
    Object.defineProperty(String.prototype, 'has', {
        value: function has(value) { return this.indexOf(value) > -1; },
        writable: true,
        configurable: true
    });

    // (Nothing may be frozen before this point: freezing climbs prototypes, and a frozen
    // prototype can no longer be given the accessors above.)
    intrinsics.forEach(function (object) {
        deepFreeze(object);
        if (object.prototype) { deepFreeze(object.prototype); }
    });
    deepFreeze(uuidModule);
    [Scope, PropertyList, Url, Request, Response].forEach(function (cls) { deepFreeze(cls.prototype); deepFreeze(cls); });
    Object.defineProperty(global, '__aat', { value: api });
    // The globals present now stay, unchangeable: a script cannot replace JSON or Math for
    // the cases after it.
    Reflect.ownKeys(global).forEach(function (key) {
        var d = Object.getOwnPropertyDescriptor(global, key);
        if (d && d.configurable) {
            if ('value' in d) { d.writable = false; }
            d.configurable = false;
            Object.defineProperty(global, key, d);
        }
    });
    baseline = Reflect.ownKeys(global);
})(globalThis, __natives);
