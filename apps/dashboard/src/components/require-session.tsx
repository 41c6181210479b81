import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "wouter-preact";
import { renewFromCookie } from "../api/auth.ts";
import { currentAccessToken } from "../api/session.ts";

/**
 * Renders the signed-in pages once there is an access token: after a reload the
 * HttpOnly cookie gives a new one; without a session, sign in and come back here.
 */
export function RequireSession(props: { children: ComponentChildren }) {
  const [location, navigate] = useLocation();
  const [ready, setReady] = useState(currentAccessToken() !== null);
  useEffect(() => {
    if (ready) return;
    renewFromCookie()
      .then(() => setReady(true))
      .catch(() => navigate(`/sign-in?next=${encodeURIComponent(location + window.location.search)}`, { replace: true }));
  }, [ready]);
  return ready ? <>{props.children}</> : <p class="loading">Loading…</p>;
}
