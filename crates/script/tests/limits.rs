//! The sandbox's walls: time and memory limits, deep recursion, what a script cannot
//! reach, and what one case's script cannot leave behind for the next.

mod common;

use std::time::{Duration, Instant};

use apiautotest_script::{Limits, Sandbox};
use common::{response, test_job};

fn run(sandbox: &mut Sandbox, code: &str) -> apiautotest_script::Outcome {
    sandbox.run(&test_job(code, response(200, "{}")))
}

fn passes(sandbox: &mut Sandbox, code: &str) -> bool {
    let outcome = run(sandbox, code);
    assert_eq!(outcome.error, None, "{code}");
    outcome.tests.iter().all(|t| t.passed) && !outcome.tests.is_empty()
}

#[test]
fn an_endless_loop_inside_try_catch_ends_at_the_time_limit() {
    let mut sandbox = Sandbox::new(Limits {
        time: Duration::from_millis(300),
        ..Limits::default()
    });
    let started = Instant::now();
    let outcome = run(
        &mut sandbox,
        "pm.test('before', function () {});\ntry { while (true) {} } catch (e) { pm.test('caught', function () {}); }",
    );
    let error = outcome.error.expect("stopped");
    assert!(error.message.contains("time limit"), "{error}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // A timer that reschedules itself forever ends the same way.
    let outcome = run(
        &mut sandbox,
        "function again() { setTimeout(again, 0); } again();",
    );
    assert!(
        outcome
            .error
            .expect("stopped")
            .message
            .contains("time limit")
    );
    // The next case runs normally.
    assert!(passes(
        &mut sandbox,
        "pm.test('after', function () { pm.expect(1).to.equal(1); });"
    ));
}

#[test]
fn a_gigabyte_string_and_a_memory_bomb_end_with_a_memory_error() {
    let mut sandbox = Sandbox::new(Limits::default());
    let outcome = run(&mut sandbox, "var s = 'x'.repeat(1e9); s.length;");
    let error = outcome.error.expect("out of memory");
    assert!(error.message.contains("out of memory"), "{error}");
    let outcome = run(
        &mut sandbox,
        "var keep = []; try { while (true) { keep.push(new Array(10000).fill(1)); } } catch (e) {} keep.length;",
    );
    // Caught inside the script or not, the realm is replaced and the next case runs.
    drop(outcome);
    assert!(passes(
        &mut sandbox,
        "pm.test('after', function () { pm.expect([1, 2]).to.have.lengthOf(2); });"
    ));
}

#[test]
fn deep_recursion_is_a_range_error_not_a_crash() {
    let mut sandbox = Sandbox::new(Limits::default());
    let outcome = run(
        &mut sandbox,
        "function f(n) { return f(n + 1) + 1; }\nf(0);",
    );
    let error = outcome.error.expect("stack overflow");
    assert!(error.message.contains("RangeError"), "{error}");
    assert!(passes(
        &mut sandbox,
        "pm.test('caught', function () { function g(n) { return g(n + 1); } pm.expect(function () { g(0); }).to.throw(RangeError); });"
    ));
    assert!(passes(
        &mut sandbox,
        "pm.test('nesting', function () { var o = {}; for (var i = 0; i < 100000; i++) { o = {o: o}; } pm.expect(function () { JSON.stringify(o); }).to.throw(); });"
    ));
}

#[test]
fn no_file_system_process_or_network() {
    let mut sandbox = Sandbox::new(Limits::default());
    assert!(passes(
        &mut sandbox,
        r#"pm.test('absent', function () {
    pm.expect(typeof process).to.equal('undefined');
    pm.expect(typeof fetch).to.equal('undefined');
    pm.expect(typeof XMLHttpRequest).to.equal('undefined');
    pm.expect(typeof std).to.equal('undefined');
    pm.expect(typeof os).to.equal('undefined');
    pm.expect(function () { require('fs'); }).to.throw("Cannot find module 'fs'");
    pm.expect(function () { require('child_process'); }).to.throw();
});"#
    ));
}

#[test]
fn nothing_leaks_from_one_case_to_the_next() {
    let mut sandbox = Sandbox::new(Limits::default());
    let outcome = run(
        &mut sandbox,
        r#"
Object.prototype.polluted = 1;
Array.prototype.map = null;
try { Object.defineProperty(Object.prototype, 'sneaky', { value: 1 }); } catch (e) {}
leakedGlobal = 'x';
var ownVar = 'y';
try { JSON.parse = null; } catch (e) {}
var chai = require('chai');
try { chai.expect = null; } catch (e) {}
try { require('lodash').map = null; } catch (e) {}
var t = require('tv4'); t.addSchema('x', {type: 'string'});
pm.environment.set('shared', 'through the scopes');
"#,
    );
    assert_eq!(outcome.error, None);
    assert!(passes(
        &mut sandbox,
        r#"pm.test('clean', function () {
    pm.expect(({}).polluted).to.equal(undefined);
    pm.expect(({}).sneaky).to.equal(undefined);
    pm.expect(typeof [].map).to.equal('function');
    pm.expect(typeof leakedGlobal).to.equal('undefined');
    pm.expect(typeof ownVar).to.equal('undefined');
    pm.expect(typeof JSON.parse).to.equal('function');
    pm.expect(typeof require('lodash').map).to.equal('function');
    pm.expect(require('tv4').getSchema('x')).to.equal(undefined);
});"#
    ));
    // Assigning `toString` on a script's own object still works (the override mistake).
    assert!(passes(
        &mut sandbox,
        "pm.test('own toString', function () { var o = {}; o.toString = function () { return 'me'; }; pm.expect(String(o)).to.equal('me'); var e = new Error('x'); e.message = 'y'; pm.expect(e.message).to.equal('y'); });"
    ));
}
