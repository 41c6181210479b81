import { useEffect, useState } from "preact/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import QRCode from "qrcode";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { CopyButton } from "../../components/copy-button.tsx";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { meKey } from "../../state/me.ts";

/** Set-up: a QR code of the otpauth URL (drawn here, as a data: image), the secret as text, then a code to turn it on. */
export function TotpSetup() {
  const client = useQueryClient();
  const [qr, setQr] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const form = useFormValues({ code: "" });
  const setup = useMutation({ mutationFn: async () => unwrap(await api.POST("/v1/dashboard/me/totp/setup")) });
  const enable = useMutation({
    mutationFn: async () => unwrap(await api.POST("/v1/dashboard/me/totp/enable", { body: { code: form.values.code.trim() } })).recoveryCodes,
    onSuccess: (codes) => setRecoveryCodes(codes),
  });
  useEffect(() => {
    if (setup.data === undefined) return;
    void QRCode.toDataURL(setup.data.otpauthUrl, { margin: 1, width: 200 }).then(setQr);
  }, [setup.data]);
  if (recoveryCodes !== null) {
    return (
      <div role="status" class="shown-once">
        <h3>Two-factor sign-in is on</h3>
        <p>Keep these recovery codes somewhere safe: each signs you in once without your app. They are shown only now.</p>
        <ul class="codes" data-testid="recovery-codes">
          {recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <div class="row">
          <CopyButton text={recoveryCodes.join("\n")} label="Copy codes" />
          <button type="button" class="small" onClick={() => void client.invalidateQueries({ queryKey: meKey })}>
            Done
          </button>
        </div>
      </div>
    );
  }
  if (setup.data === undefined) {
    return (
      <>
        <p>Protect sign-in with a code from an authenticator app.</p>
        <button type="button" class="primary" disabled={setup.isPending} onClick={() => setup.mutate()}>
          Set up two-factor sign-in
        </button>
        <ErrorText error={setup.error} />
      </>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        enable.mutate();
      }}
    >
      <p>Scan this code with your authenticator app, or enter the secret by hand.</p>
      {qr === null ? null : <img class="qr" src={qr} width={200} height={200} alt="QR code of the two-factor secret" />}
      <p>
        Secret: <code data-testid="totp-secret">{setup.data.secret}</code> <CopyButton text={setup.data.secret} />
      </p>
      <Field label="6-digit code from the app">
        <input inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required {...form.bind("code")} />
      </Field>
      <SubmitButton busy={enable.isPending}>Turn on two-factor sign-in</SubmitButton>
      <ErrorText error={enable.error} />
    </form>
  );
}

export function TotpDisable() {
  const client = useQueryClient();
  const form = useFormValues({ code: "" });
  const disable = useMutation({
    mutationFn: async () => unwrap(await api.POST("/v1/dashboard/me/totp/disable", { body: { code: form.values.code.trim() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        disable.mutate();
      }}
    >
      <p>Two-factor sign-in is on.</p>
      <Field label="Code from your app (or a recovery code) to turn it off">
        <input autocomplete="one-time-code" required {...form.bind("code")} />
      </Field>
      <SubmitButton busy={disable.isPending} class="danger">
        Turn off two-factor sign-in
      </SubmitButton>
      <ErrorText error={disable.error} />
    </form>
  );
}
