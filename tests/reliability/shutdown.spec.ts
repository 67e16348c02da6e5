import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startSmtpServer } from "../support/smtp-server";
import { CONTACT_PATH, contactFields, openDb, sleep, startServer, tempDataDir, waitFor } from "./support/server";

/** Whether a new TCP connection to the port is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

/**
 * Graceful shutdown (issue 9): on SIGTERM the server stops accepting, lets
 * the request in flight finish, sends the mail it caused (the outbox drain)
 * and closes the database before it exits with 0.
 */
test("SIGTERM finishes the request in flight, refuses new connections, drains the outbox and closes the database", async () => {
  test.setTimeout(60_000);
  const smtp = await startSmtpServer();
  const dataDir = await tempDataDir("shutdown");
  const server = await startServer({ dataDir, smtpUrl: smtp.url });
  try {
    // A contact request whose body arrives in two parts: the server has its headers when SIGTERM comes.
    const { email, fields } = contactFields("shutdown");
    const body = Buffer.from(new URLSearchParams(fields).toString());
    const half = Math.floor(body.length / 2);
    const request = http.request(`${server.baseUrl}${CONTACT_PATH}`, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(body.length),
        origin: server.baseUrl,
      },
    });
    const response = new Promise<{ status: number; location: string; complete: boolean }>((resolve, reject) => {
      request.once("response", (res) => {
        res.resume();
        res.once("end", () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ""), complete: res.complete }));
        res.once("error", reject);
      });
      request.once("error", reject);
    });
    request.write(body.subarray(0, half));
    await sleep(500);

    server.child.kill("SIGTERM");
    await waitFor("the server to stop listening", () => server.output().includes("SIGTERM: stopping"), 10_000, 20);
    await waitFor("new connections to be refused", () => connectionRefused(server.port), 5_000, 50);
    expect(server.child.exitCode).toBeNull();

    request.end(body.subarray(half));
    const answer = await response;
    expect(answer.complete).toBe(true);
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/\/contact\/verzonden\?aanvraag=/);

    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });

    // The in-flight request's mails were enqueued after SIGTERM; the drain sent them before the exit.
    const delivered = smtp.received.filter((mail) => mail.to.includes(email));
    expect(delivered).toHaveLength(1);
    expect(smtp.received.length).toBeGreaterThanOrEqual(2);

    // The database was closed cleanly: the last connection checkpoints and removes the WAL.
    const wal = path.join(dataDir, "vivium.sqlite-wal");
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    const db = openDb(dataDir, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const rows = db.prepare("SELECT status FROM outbox_messages").all() as Array<{ status: string }>;
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.every((row) => row.status === "sent")).toBe(true);
      const stored = db.prepare("SELECT count(*) AS n FROM contact_requests WHERE customer_email = ?").get(email) as { n: number };
      expect(stored.n).toBe(1);
    } finally {
      db.close();
    }
  } finally {
    await server.kill("SIGKILL");
    await smtp.close();
  }
});
