import net from "node:net";

/**
 * A TCP proxy on loopback in front of PostgreSQL, for outage tests that must not stop the machine's
 * server: `down()` drops every connection and closes the port (the server is gone: connections are
 * refused), `hang()` accepts connections and never answers (a network that swallows packets),
 * `up()` forwards again on the same port.
 */
export interface DatabaseProxy {
  port: number;
  up(): Promise<void>;
  down(): Promise<void>;
  hang(): Promise<void>;
  close(): Promise<void>;
}

export async function startDatabaseProxy(target: { host: string; port: number }): Promise<DatabaseProxy> {
  const sockets = new Set<net.Socket>();
  let mode: "forward" | "hang" = "forward";
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === "hang") return;
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    up: async () => {
      mode = "forward";
      if (!server.listening) await listen(port);
    },
    down: async () => {
      const closed = stopListening();
      dropAll();
      await closed;
    },
    hang: async () => {
      mode = "hang";
      dropAll();
      if (!server.listening) await listen(port);
    },
    close: async () => {
      const closed = stopListening();
      dropAll();
      await closed;
    },
  };
}
