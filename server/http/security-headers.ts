import helmet from 'helmet';

/**
 * helmet with framing allowed: ServiceM8 renders add-on responses in an iframe (web app) and a webview
 * (mobile app) whose origins are not documented, so no X-Frame-Options and no frame-ancestors limit
 * (platform-notes §2.6, gotcha 3). Scripts and styles come from this server and ServiceM8's SDK host.
 */
export function securityHeaders() {
  return helmet({
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", 'https://platform.servicem8.com'],
        'style-src': ["'self'", 'https://platform.servicem8.com', "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'https:'],
        'connect-src': ["'self'"],
        'frame-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
      },
    },
  });
}
