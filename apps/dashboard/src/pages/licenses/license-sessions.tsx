import { useState } from "preact/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/errors.ts";
import { Confirm } from "../../components/confirm.tsx";
import { ErrorText } from "../../components/form.tsx";
import { formatDate } from "./license-state.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";

/** A license's live sessions; kill one, or all (their next heartbeat is refused). */
export function LicenseSessions(props: { licenseId: string }) {
  const client = useQueryClient();
  const key = ["sessions", props.licenseId];
  const path = { params: { path: { id: props.licenseId } } };
  const sessions = useQuery({ queryKey: key, refetchInterval: 10_000, queryFn: async () => unwrap(await api.GET("/v1/dashboard/licenses/{id}/sessions", path)).sessions });
  const [killAll, setKillAll] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const kill = useMutation({
    mutationFn: async (sessionId: string) => unwrap(await api.POST("/v1/dashboard/licenses/{id}/sessions/{sessionId}/revoke", { params: { path: { id: props.licenseId, sessionId } } })),
    onSuccess: () => void refresh(),
  });
  const killEvery = useMutation({
    mutationFn: async () => unwrap(await api.POST("/v1/dashboard/licenses/{id}/sessions/revoke-all", path)),
    onSuccess: () => (setKillAll(false), void refresh()),
  });
  const live = (sessions.data ?? []).filter((session) => session.revokedAt === null);
  return (
    <section>
      <h2>Live sessions</h2>
      <ErrorText error={sessions.error ?? kill.error} />
      {live.length === 0 ? <p class="muted">No live session.</p> : null}
      {live.length === 0 ? null : (
        <TableWrap label="Live sessions">
          <table>
            <thead>
              <tr>
                <th scope="col">HWID</th>
                <th scope="col">IP</th>
                <th scope="col">Started</th>
                <th scope="col">Last seen</th>
                <th scope="col">Expires</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {live.map((session) => (
                <tr key={session.id} data-testid="session-row">
                  <td>
                    <code>{session.hwid ?? "—"}</code>
                  </td>
                  <td>{session.ip ?? "—"}</td>
                  <td>{formatDate(session.createdAt)}</td>
                  <td>{formatDate(session.lastSeenAt)}</td>
                  <td>{formatDate(session.expiresAt)}</td>
                  <td>
                    <button type="button" class="small danger" disabled={kill.isPending} onClick={() => kill.mutate(session.id)}>
                      Kill session
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {live.length > 1 ? (
        <button type="button" class="danger" onClick={() => setKillAll(true)}>
          Kill all sessions
        </button>
      ) : null}
      {killAll ? (
        <Confirm title={`Kill all ${live.length} sessions?`} confirmLabel="Kill all" busy={killEvery.isPending} onConfirm={() => killEvery.mutate()} onCancel={() => setKillAll(false)}>
          <ErrorText error={killEvery.error} />
        </Confirm>
      ) : null}
    </section>
  );
}
