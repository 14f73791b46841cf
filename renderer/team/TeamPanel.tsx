// The Team panel (issue 15): publish this project to a team server or join one with its address and a token, then
// see who is in the team, how far sync has come and what last went wrong. Owners invite members here.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TeamRole } from '../../shared/team';
import type { TeamStatus } from '../../shared/types';
import { store } from '../api/client';
import { useWorkbench } from '../app/workbench';
import './team.css';

/** How often the panel refreshes what it shows while open (the sync itself runs in the main process). */
const REFRESH_MS = 3000;

export function TeamPanel() {
  const wb = useWorkbench();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setStatus(await wb.client['team.status']({}));
    } catch (error) {
      wb.setStatus(`Could not read the team status: ${(error as Error).message}`, true);
    }
  }, [wb]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = async (work: () => Promise<TeamStatus>, done: string) => {
    setBusy(true);
    try {
      const before = status?.linked ? status.pulledSeq : 0;
      const next = await work();
      setStatus(next);
      // Other members' edits arrive outside this window's own calls: reload what is shown when any came in.
      if (next.linked && next.pulledSeq > before && done !== 'Project published.') store.reset();
      wb.setStatus(
        next.linked && next.lastError ? `Team: ${next.lastError}` : done,
        Boolean(next.linked && next.lastError),
      );
    } catch (error) {
      wb.setStatus(`Team: ${(error as Error).message}`, true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="team" aria-label="Team">
      <h2>Team</h2>
      {status === null && <p className="muted">Reading the team status…</p>}
      {status?.linked === false && (
        <LinkForms
          busy={busy}
          onPublish={(url, token) => act(() => wb.client['team.publish']({ url, token }), 'Project published.')}
          onJoin={(url, token) => act(() => wb.client['team.join']({ url, token }), 'Joined the team.')}
        />
      )}
      {status?.linked && (
        <>
          <SyncState status={status} busy={busy} onSync={() => act(() => wb.client['team.sync']({}), 'Synced.')} />
          <Members
            status={status}
            onWithdraw={(m) => act(() => wb.client['team.withdraw']({ memberId: m.id }), `${m.name} withdrawn.`)}
          />
          {status.member.role === 'owner' && <InviteForm onInvited={() => void refresh()} />}
        </>
      )}
    </section>
  );
}

function LinkForms(props: {
  busy: boolean;
  onPublish: (url: string, token: string) => void;
  onJoin: (url: string, token: string) => void;
}) {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const submit = (event: FormEvent, how: 'publish' | 'join') => {
    event.preventDefault();
    (how === 'publish' ? props.onPublish : props.onJoin)(url.trim(), token.trim());
  };
  return (
    <form className="team-link" onSubmit={(e) => submit(e, 'join')}>
      <p className="muted">
        Share this project with a team server (see the README’s “Team server”), or join a team’s project with the link
        and token its owner gave you.
      </p>
      <label>
        Team server link
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://team.example.org"
          required
          type="url"
        />
      </label>
      <label>
        Your token
        <input value={token} onChange={(e) => setToken(e.target.value)} type="password" autoComplete="off" required />
      </label>
      <div className="team-actions">
        <button type="button" disabled={props.busy || !url || !token} onClick={(e) => submit(e, 'publish')}>
          Publish this project
        </button>
        <button type="submit" className="primary" disabled={props.busy || !url || !token}>
          Join
        </button>
      </div>
    </form>
  );
}

function SyncState({
  status,
  busy,
  onSync,
}: {
  status: TeamStatus & { linked: true };
  busy: boolean;
  onSync: () => void;
}) {
  return (
    <div className="team-sync" role="status">
      <p>
        <strong>{status.url}</strong> — you are {status.member.name} ({status.member.role})
      </p>
      <p className={status.lastError ? 'team-state error' : 'team-state'}>
        {status.lastError
          ? 'Not in sync'
          : status.pending > 0
            ? `${status.pending} change${status.pending === 1 ? '' : 's'} waiting to be sent`
            : 'In sync'}
        {' · '}server operations applied: {status.pulledSeq}
        {status.lastSyncAt && ` · last sync ${new Date(status.lastSyncAt).toLocaleString()}`}
      </p>
      {status.lastError && <p className="team-error">Last error: {status.lastError}</p>}
      <button type="button" onClick={onSync} disabled={busy}>
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
    </div>
  );
}

type Member = (TeamStatus & { linked: true })['members'][number];

function Members({
  status,
  onWithdraw,
}: {
  status: TeamStatus & { linked: true };
  onWithdraw: (member: Member) => void;
}) {
  const owner = status.member.role === 'owner';
  // The server forgets the token at once and cannot give it back: the one place this panel asks first.
  const withdraw = (m: Member) => {
    const asked = `Withdraw ${m.name} from the team? Their token stops working now; their edits stay. This cannot be undone (invite them again to give them a new token).`;
    if (window.confirm(asked)) onWithdraw(m);
  };
  return (
    <div className="team-members">
      <h3>Members</h3>
      <ul>
        {status.members.map((m) => (
          <li key={m.id}>
            {m.name} <span className="muted">{m.role}</span>
            {owner && m.id !== status.member.id && (
              <button
                type="button"
                className="link-button danger"
                aria-label={`Withdraw ${m.name}`}
                onClick={() => withdraw(m)}
              >
                Withdraw
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const wb = useWorkbench();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TeamRole>('coder');
  const [token, setToken] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const invited = await wb.client['team.invite']({ name: name.trim(), role });
      setToken(invited.token);
      setName('');
      onInvited();
    } catch (error) {
      wb.setStatus(`Could not invite: ${(error as Error).message}`, true);
    }
  };
  return (
    <form className="team-invite" onSubmit={(e) => void submit(e)}>
      <h3>Invite a member</h3>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
          <option value="coder">coder</option>
          <option value="reader">reader</option>
          <option value="owner">owner</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={!name.trim()}>
        Invite
      </button>
      {token && (
        <p className="team-token">
          Give them this token (shown once): <code>{token}</code>
        </p>
      )}
    </form>
  );
}
