import type { ComponentChildren } from "preact";
import { Link } from "wouter-preact";

/** The narrow centred card of the signed-out pages. */
export function AuthFrame(props: { title: string; children: ComponentChildren; footer?: ComponentChildren }) {
  return (
    <main class="auth">
      <p class="brand">GeckoGuard</p>
      <section class="card">
        <h1>{props.title}</h1>
        {props.children}
      </section>
      <nav class="auth-links" aria-label="Account">
        {props.footer ?? (
          <>
            <Link href="/sign-in">Sign in</Link> · <Link href="/register">Create an account</Link> · <Link href="/forgot-password">Forgot password</Link>
          </>
        )}
      </nav>
    </main>
  );
}

/** The page to return to after signing in: only a path of this app (never another origin). */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next !== null && next.startsWith("/app") && !next.startsWith("//") ? next : "/app";
}
