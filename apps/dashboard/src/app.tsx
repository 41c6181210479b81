import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Redirect, Route, Router, Switch, useLocation } from "wouter-preact";
import { useEffect } from "preact/hooks";
import { basePath } from "./api/base.ts";
import { onSessionExpired } from "./api/client.ts";
import { ApiError } from "./api/errors.ts";
import { RequireSession } from "./components/require-session.tsx";
import { Shell } from "./components/shell.tsx";
import { SignInPage } from "./pages/auth/sign-in.tsx";
import { RegisterPage } from "./pages/auth/register.tsx";
import { ForgotPasswordPage } from "./pages/auth/forgot-password.tsx";
import { ResetPasswordPage, VerifyEmailPage } from "./pages/auth/token-action.tsx";
import { ProductsPage } from "./pages/products/products-page.tsx";
import { ProductPage } from "./pages/products/product-page.tsx";
import { WebhooksPage } from "./pages/webhooks/webhooks-page.tsx";
import { LicensesPage } from "./pages/licenses/licenses-page.tsx";
import { LicensePage } from "./pages/licenses/license-page.tsx";
import { EndUsersPage } from "./pages/end-users-page.tsx";
import { MembersPage } from "./pages/members-page.tsx";
import { AuditLogPage } from "./pages/audit-log-page.tsx";
import { AccountPage } from "./pages/settings/account-page.tsx";

const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not get better by asking again; the page shows it.
    queries: { retry: (count, error) => !(error instanceof ApiError) && count < 2, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

/** An expired session sends the user to sign in, and back to this page afterwards. */
function ExpiryRedirect() {
  const [location, navigate] = useLocation();
  useEffect(() => {
    onSessionExpired(() => {
      queryClient.clear();
      navigate(`/sign-in?expired=1&next=${encodeURIComponent(location + window.location.search)}`, { replace: true });
    });
  }, [location]);
  return null;
}

function SignedIn() {
  return (
    <RequireSession>
      <Shell>
        <Switch>
          <Route path="/app/products" component={ProductsPage} />
          <Route path="/app/products/:id">{(params) => <ProductPage id={params.id} />}</Route>
          <Route path="/app/products/:id/webhooks">{(params) => <WebhooksPage productId={params.id} />}</Route>
          <Route path="/app/licenses" component={LicensesPage} />
          <Route path="/app/licenses/:id">{(params) => <LicensePage id={params.id} />}</Route>
          <Route path="/app/end-users" component={EndUsersPage} />
          <Route path="/app/members" component={MembersPage} />
          <Route path="/app/audit-log" component={AuditLogPage} />
          <Route path="/app/account" component={AccountPage} />
          <Route>
            <Redirect to="/app/products" replace />
          </Route>
        </Switch>
      </Shell>
    </RequireSession>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Router base={basePath}>
        <ExpiryRedirect />
        <Switch>
          <Route path="/sign-in" component={SignInPage} />
          <Route path="/register" component={RegisterPage} />
          <Route path="/forgot-password" component={ForgotPasswordPage} />
          <Route path="/verify-email" component={VerifyEmailPage} />
          <Route path="/reset-password" component={ResetPasswordPage} />
          <Route path="/app/*?">
            <SignedIn />
          </Route>
          <Route>
            <Redirect to="/app" replace />
          </Route>
        </Switch>
      </Router>
    </QueryClientProvider>
  );
}
