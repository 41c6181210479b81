import { useState } from "preact/hooks";
import { Link, useSearch } from "wouter-preact";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { AuthFrame } from "./auth-frame.tsx";

function useToken(): string | null {
  const token = new URLSearchParams(useSearch()).get("token");
  return token !== null && token !== "" ? token : null;
}

const Incomplete = ({ title }: { title: string }) => (
  <AuthFrame title={title}>
    <p class="error" role="alert">
      This link is incomplete: open the whole link from the mail.
    </p>
  </AuthFrame>
);

/**
 * /verify-email?token=…: the mailed link. Opening it changes nothing (mail scanners
 * follow links); the button spends the token.
 */
export function VerifyEmailPage() {
  const token = useToken();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (token === null) return <Incomplete title="Confirm your email address" />;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      unwrap(await api.POST("/v1/auth/verify-email", { body: { token } }));
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthFrame title="Confirm your email address">
      {done ? (
        <p role="status">
          Your email address is confirmed. <Link href="/sign-in">Sign in</Link>.
        </p>
      ) : (
        <form onSubmit={submit}>
          <p>Press the button to confirm this email address for your GeckoGuard account.</p>
          <ErrorText error={error} />
          <SubmitButton busy={busy}>Confirm email address</SubmitButton>
        </form>
      )}
    </AuthFrame>
  );
}

/** /reset-password?token=…: a new password for the account the mailed token names. */
export function ResetPasswordPage() {
  const token = useToken();
  const form = useFormValues({ password: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (token === null) return <Incomplete title="Choose a new password" />;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      unwrap(await api.POST("/v1/auth/reset-password", { body: { token, password: form.values.password } }));
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthFrame title="Choose a new password">
      {done ? (
        <p role="status">
          Your password was changed. <Link href="/sign-in">Sign in</Link> with the new one.
        </p>
      ) : (
        <form onSubmit={submit}>
          <Field label="New password" hint="At least 10 characters.">
            <input type="password" autocomplete="new-password" minLength={10} required {...form.bind("password")} />
          </Field>
          <ErrorText error={error} />
          <SubmitButton busy={busy}>Set new password</SubmitButton>
        </form>
      )}
    </AuthFrame>
  );
}
