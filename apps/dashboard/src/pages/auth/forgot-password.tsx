import { useState } from "preact/hooks";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { AuthFrame } from "./auth-frame.tsx";

export function ForgotPasswordPage() {
  const form = useFormValues({ email: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setMessage(unwrap(await api.POST("/v1/auth/forgot-password", { body: { email: form.values.email } })).message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthFrame title="Reset your password">
      {message !== null ? (
        <p role="status">{message}.</p>
      ) : (
        <form onSubmit={submit}>
          <Field label="Email">
            <input type="email" autocomplete="email" required {...form.bind("email")} />
          </Field>
          <ErrorText error={error} />
          <SubmitButton busy={busy}>Mail me a reset link</SubmitButton>
        </form>
      )}
    </AuthFrame>
  );
}
