/** Display names of queries and predicates (the file keeps its own syntax words). */
import type { Predicate, Query } from "../authoring/assertionLine";
import type { MessageKey } from "../i18n/en";
import type { CaptureQuery } from "./captureSource";

type T = (key: MessageKey) => string;

const QUERY_KEYS: Record<Query | CaptureQuery, MessageKey> = {
  status: "checks.query.status",
  header: "checks.query.header",
  jsonpath: "checks.query.jsonpath",
  body: "checks.query.body",
  duration: "checks.query.duration",
  regex: "checks.query.regex",
};

const PREDICATE_KEYS: Record<Predicate, MessageKey> = {
  "==": "checks.predicate.eq",
  "!=": "checks.predicate.ne",
  "<": "checks.predicate.lt",
  "<=": "checks.predicate.le",
  ">": "checks.predicate.gt",
  ">=": "checks.predicate.ge",
  contains: "checks.predicate.contains",
  matches: "checks.predicate.matches",
  exists: "checks.predicate.exists",
  "not exists": "checks.predicate.notExists",
};

export function queryLabel(query: Query | CaptureQuery, t: T): string {
  return t(QUERY_KEYS[query]);
}

export function predicateLabel(predicate: Predicate, t: T): string {
  return t(PREDICATE_KEYS[predicate]);
}
