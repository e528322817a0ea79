/**
 * Two network namespaces joined by a veth pair (reference §8.3): "fw" (10.99.x.1) runs a TCP echo
 * server, "peer" (10.99.x.2) holds one live connection to it. Nothing touches the host's
 * firewall; deleting the namespaces removes the pair and every ruleset. Needs root.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const ECHO_SERVER = `
import socket, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((ADDR, 8080)); s.listen()
def serve(c):
    while True:
        d = c.recv(1024)
        if not d: break
        c.sendall(d)
while True:
    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
`;

/** One connection, kept open; each "ping" line on stdin answers "ok" (echoed back) or "cut". */
const CLIENT = `
import socket, sys
c = socket.create_connection((ADDR, 8080), timeout=5)
print("ready", flush=True)
for line in sys.stdin:
    try:
        c.settimeout(1.5); c.sendall(b"ping"); d = c.recv(16)
        print("ok" if d == b"ping" else "cut", flush=True)
    except Exception:
        print("cut", flush=True)
`;

export interface NetnsPeer {
  fw: string;
  peerAddr: string;
  /** A live TCP connection from the peer to the fw namespace. */
  connect(): Promise<{ alive(): Promise<boolean>; close(): Promise<void> }>;
  stop(): Promise<void>;
}

/** The addresses of this process's pair (known before the suite starts, for test names). */
export const NETNS_ADDRS = { fw: `10.99.${process.pid % 200}.1`, peer: `10.99.${process.pid % 200}.2` };

export async function startNetns(): Promise<NetnsPeer> {
  const n = process.pid % 200;
  const fw = `bdfw${process.pid}`;
  const peer = `bdpeer${process.pid}`;
  const [v0, v1] = [`bdv0-${n}`, `bdv1-${n}`];
  const [fwAddr, peerAddr] = [NETNS_ADDRS.fw, NETNS_ADDRS.peer];
  const ip = (...a: string[]) => execFileSync('ip', a, { stdio: 'pipe' });
  ip('netns', 'add', fw);
  ip('netns', 'add', peer);
  ip('link', 'add', v0, 'type', 'veth', 'peer', 'name', v1);
  ip('link', 'set', v0, 'netns', fw);
  ip('link', 'set', v1, 'netns', peer);
  ip('-n', fw, 'addr', 'add', `${fwAddr}/24`, 'dev', v0);
  ip('-n', peer, 'addr', 'add', `${peerAddr}/24`, 'dev', v1);
  for (const [ns, dev] of [[fw, v0], [peer, v1]] as const) {
    ip('-n', ns, 'link', 'set', dev, 'up');
    ip('-n', ns, 'link', 'set', 'lo', 'up');
  }
  const server: ChildProcess = spawn('ip', ['netns', 'exec', fw, 'python3', '-c', `ADDR = "${fwAddr}"\n${ECHO_SERVER}`], { stdio: 'ignore' });
  const clients: ChildProcess[] = [];
  const connect = async () => {
    for (let i = 0; ; i++) {
      const child = spawn('ip', ['netns', 'exec', peer, 'python3', '-u', '-c', `ADDR = "${fwAddr}"\n${CLIENT}`], { stdio: ['pipe', 'pipe', 'ignore'] });
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const first = await lines.next();
      if (first.value === 'ready') {
        clients.push(child);
        return {
          alive: async () => {
            child.stdin!.write('ping\n');
            return (await lines.next()).value === 'ok';
          },
          close: async () => void child.kill('SIGKILL'),
        };
      }
      child.kill('SIGKILL');
      if (i > 50) throw new Error('the echo server in the fw namespace did not come up');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    fw,
    peerAddr,
    connect,
    stop: async () => {
      for (const c of [...clients, server]) c.kill('SIGKILL');
      for (const ns of [fw, peer]) {
        try {
          ip('netns', 'del', ns);
        } catch {}
      }
    },
  };
}
