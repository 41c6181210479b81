import { useState } from "preact/hooks";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { AuthFrame } from "./auth-frame.tsx";

export function RegisterPage() {
  const form = useFormValues({ name: "", email: "", password: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { name, email, password } = form.values;
      const { user } = unwrap(await api.POST("/v1/auth/register", { body: { email, password, ...(name.trim() === "" ? {} : { name: name.trim() }) } }));
      setDone(user.email);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  if (done !== null) {
    return (
      <AuthFrame title="Check your mail">
        <p role="status">Your account was created. We sent a link to {done} to confirm the address; then sign in.</p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Create an account">
      <form onSubmit={submit}>
        <Field label="Name (optional)">
          <input autocomplete="name" {...form.bind("name")} />
        </Field>
        <Field label="Email">
          <input type="email" autocomplete="email" required {...form.bind("email")} />
        </Field>
        <Field label="Password" hint="At least 10 characters.">
          <input type="password" autocomplete="new-password" minLength={10} required {...form.bind("password")} />
        </Field>
        <ErrorText error={error} />
        <SubmitButton busy={busy}>Create account</SubmitButton>
      </form>
    </AuthFrame>
  );
}
