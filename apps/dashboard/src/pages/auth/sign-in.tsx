import { useState } from "preact/hooks";
import { useLocation, useSearch } from "wouter-preact";
import { answerChallenge, signIn } from "../../api/auth.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { AuthFrame, nextPath } from "./auth-frame.tsx";

/** Email and password, then (2FA on) a TOTP or recovery code; back to where the user was. */
export function SignInPage() {
  const [, navigate] = useLocation();
  const search = useSearch();
  const form = useFormValues({ email: "", password: "", code: "" });
  const [challenge, setChallenge] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const expired = new URLSearchParams(search).has("expired");

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (challenge === null) {
        const outcome = await signIn(form.values.email, form.values.password);
        if (!outcome.done) {
          setChallenge(outcome.challengeToken);
          return;
        }
      } else {
        await answerChallenge(challenge, form.values.code.trim());
      }
      navigate(nextPath(search), { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={challenge === null ? "Sign in" : "Two-factor code"}>
      {expired && challenge === null ? <p class="notice">Your session ended. Sign in to continue where you were.</p> : null}
      <form onSubmit={submit}>
        {challenge === null ? (
          <>
            <Field label="Email">
              <input type="email" autocomplete="username" required {...form.bind("email")} />
            </Field>
            <Field label="Password">
              <input type="password" autocomplete="current-password" required {...form.bind("password")} />
            </Field>
          </>
        ) : (
          <Field label="Code from your authenticator app, or a recovery code">
            <input autocomplete="one-time-code" inputMode="text" required autoFocus {...form.bind("code")} />
          </Field>
        )}
        <ErrorText error={error} />
        <SubmitButton busy={busy}>{challenge === null ? "Sign in" : "Verify"}</SubmitButton>
      </form>
    </AuthFrame>
  );
}
