import { describe, expect, it } from "vitest";
import { fieldsOf, networkOf } from "./NetworkForm";

describe("network settings form", () => {
  it("turns empty fields into unset settings", () => {
    const none = { proxyUrl: " ", proxyBypass: "", clientCert: "", clientKey: "k.pem", passphrase: "", extraCa: "" };
    expect(networkOf(none)).toEqual({ client_cert: null, extra_ca_certs: null, proxy: null });
  });

  it("round-trips every setting", () => {
    const network = {
      client_cert: { cert: "/certs/me.pem", key: "/certs/me.key", passphrase: "pw with spaces " },
      extra_ca_certs: "/certs/ca.pem",
      proxy: { url: "http://proxy:3128", bypass: "localhost, .internal" },
    };
    expect(networkOf(fieldsOf(network))).toEqual(network);
  });

  it("keeps a certificate without a separate key or passphrase", () => {
    const fields = { ...fieldsOf({ client_cert: null, extra_ca_certs: null, proxy: null }), clientCert: "both.pem" };
    expect(networkOf(fields).client_cert).toEqual({ cert: "both.pem", key: null, passphrase: null });
  });
});
