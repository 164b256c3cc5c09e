import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * pino with secret redaction: auth headers, signatures and anything named like a secret never reach
 * the log. Free text is redacted upstream (server/redaction) before it could be logged at all.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers["x-dialnexa-signature"]', 'req.headers["x-nexa-signature"]',
          'req.headers.cookie', '*.secret', '*.apiKey', '*.accessToken', '*.refreshToken', '*.token', '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
