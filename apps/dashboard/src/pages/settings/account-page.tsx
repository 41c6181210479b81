import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { ErrorText, Field, SubmitButton, useFormValues } from "../../components/form.tsx";
import { meKey, useMe } from "../../state/me.ts";
import { TotpDisable, TotpSetup } from "./totp-setup.tsx";

/** The signed-in user's name, two-factor sign-in and password. */
export function AccountPage() {
  const me = useMe();
  if (me.error) return <ErrorText error={me.error} />;
  if (me.data === undefined) return <p class="loading">Loading…</p>;
  const { user } = me.data;
  return (
    <>
      <h1>Account</h1>
      <p>
        {user.email} {user.emailVerified ? "(confirmed)" : "(not confirmed yet: open the link we mailed)"}
      </p>
      <NameForm key={user.updatedAt} name={user.name ?? ""} />
      <section>
        <h2>Two-factor sign-in</h2>
        {user.totpEnabled ? <TotpDisable /> : <TotpSetup />}
      </section>
      <PasswordReset email={user.email} />
    </>
  );
}

function NameForm(props: { name: string }) {
  const client = useQueryClient();
  const form = useFormValues({ name: props.name });
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PATCH("/v1/dashboard/me", { body: { name: form.values.name.trim() } })),
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  });
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Field label="Your name">
        <input required maxLength={200} {...form.bind("name")} />
      </Field>
      <SubmitButton busy={save.isPending}>Save name</SubmitButton>
      <ErrorText error={save.error} />
    </form>
  );
}

/** The API changes a password through a mailed reset link (which also signs out every other session). */
function PasswordReset(props: { email: string }) {
  const send = useMutation({ mutationFn: async () => unwrap(await api.POST("/v1/auth/forgot-password", { body: { email: props.email } })) });
  return (
    <section>
      <h2>Password</h2>
      <p>To change your password, we mail you a link to set a new one; every other session is signed out when you do.</p>
      <button type="button" disabled={send.isPending || send.isSuccess} onClick={() => send.mutate()}>
        Mail me a password link
      </button>
      {send.isSuccess ? <p role="status">Sent to {props.email}.</p> : null}
      <ErrorText error={send.error} />
    </section>
  );
}
