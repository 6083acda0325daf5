/**
 * React Native's WebSocket takes headers: send the BFF's anti-forgery header on the handshake too
 * (the session cookie comes from the native cookie store).
 */
type NativeWebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: { headers?: Record<string, string> },
) => WebSocket;

const NativeWebSocket = WebSocket as unknown as NativeWebSocketConstructor;

class BffNativeWebSocket extends NativeWebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { headers: { 'X-CSRF': '1' } });
  }
}

export const BffWebSocket: typeof WebSocket = BffNativeWebSocket as unknown as typeof WebSocket;
