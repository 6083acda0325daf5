/** Browsers send the session cookie with the WebSocket handshake themselves and cannot add headers. */
export const BffWebSocket: typeof WebSocket | undefined = typeof WebSocket === 'undefined' ? undefined : WebSocket;
