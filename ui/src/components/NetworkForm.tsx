import { useEffect, useState } from "react";
import type { Transport } from "../bindings/Transport";
import { SecretInput } from "../editor/SecretInput";
import { useI18n } from "../hooks/useI18n";
import type { MessageKey } from "../i18n/en";
import { errorText, getNetwork, pickAnyFile, setNetwork } from "../ipc";
import { notify } from "../notices";

/** The form's fields, all text: empty means not set. */
export type NetworkFields = {
  proxyUrl: string;
  proxyBypass: string;
  clientCert: string;
  clientKey: string;
  passphrase: string;
  extraCa: string;
};

export function fieldsOf(network: Transport): NetworkFields {
  return {
    proxyUrl: network.proxy?.url ?? "",
    proxyBypass: network.proxy?.bypass ?? "",
    clientCert: network.client_cert?.cert ?? "",
    clientKey: network.client_cert?.key ?? "",
    passphrase: network.client_cert?.passphrase ?? "",
    extraCa: network.extra_ca_certs ?? "",
  };
}

export function networkOf(fields: NetworkFields): Transport {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  const cert = text(fields.clientCert);
  const proxy = text(fields.proxyUrl);
  return {
    client_cert: cert === null ? null : { cert, key: text(fields.clientKey), passphrase: fields.passphrase === "" ? null : fields.passphrase },
    extra_ca_certs: text(fields.extraCa),
    proxy: proxy === null ? null : { url: proxy, bypass: fields.proxyBypass.trim() },
  };
}

/**
 * The proxy, client certificate and extra CAs of every batch and send (newman's `--ssl-*`
 * options; without a proxy here, HTTP_PROXY, HTTPS_PROXY and NO_PROXY apply). Save
 * checks them: a file that cannot be read or a wrong passphrase is refused.
 */
export function NetworkForm() {
  const { t } = useI18n();
  const [fields, setFields] = useState<NetworkFields | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getNetwork()
      .then((network) => live && setFields(fieldsOf(network)))
      .catch((e: unknown) => notify(errorText(e), "error"));
    return () => {
      live = false;
    };
  }, []);
  if (fields === null) return null;

  const set = (patch: Partial<NetworkFields>) => setFields({ ...fields, ...patch });
  const save = () => {
    setBusy(true);
    setNetwork(networkOf(fields))
      .then(() => notify(t("network.saved")))
      .catch((e: unknown) => notify(errorText(e), "error"))
      .finally(() => setBusy(false));
  };
  const text = (key: keyof NetworkFields, label: MessageKey, placeholder?: string) => (
    <label className="field">
      <span className="label">{t(label)}</span>
      <input
        data-testid={`network-${key}`}
        className="mono"
        spellCheck={false}
        placeholder={placeholder}
        value={fields[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </label>
  );
  const file = (key: keyof NetworkFields, label: MessageKey) => (
    <div className="field">
      <span className="label">{t(label)}</span>
      <div className="row">
        <input
          data-testid={`network-${key}`}
          className="mono"
          aria-label={t(label)}
          spellCheck={false}
          placeholder={t("network.pemPath")}
          value={fields[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
        <button
          type="button"
          onClick={() =>
            void pickAnyFile(t(label))
              .then((path) => path && set({ [key]: path }))
              .catch((e: unknown) => notify(errorText(e), "error"))
          }
        >
          {t("editor.partChoose")}
        </button>
      </div>
    </div>
  );

  return (
    <details className="box network" data-testid="network-settings">
      <summary>{t("network.title")}</summary>
      {text("proxyUrl", "network.proxyUrl", "http://proxy.example:3128")}
      {text("proxyBypass", "network.proxyBypass", "localhost, .internal, 10.0.0.0/8")}
      <p className="muted small">{t("network.proxyHint")}</p>
      {file("clientCert", "network.clientCert")}
      {file("clientKey", "network.clientKey")}
      <div className="field">
        <span className="label">{t("network.passphrase")}</span>
        <SecretInput
          testId="network-passphrase"
          ariaLabel={t("network.passphrase")}
          value={fields.passphrase}
          onChange={(passphrase) => set({ passphrase })}
        />
      </div>
      {file("extraCa", "network.extraCa")}
      <button data-testid="network-save" disabled={busy} onClick={save}>
        {t("common.save")}
      </button>
    </details>
  );
}
