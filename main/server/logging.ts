import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Never logged: the bearer session, cookies, and any body (requests carry passwords, OTPs and token files).
 * The serializers below already leave headers and bodies out; these paths catch a careless `log.info(x)`.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'body',
  'req.body',
  '*.sessionId',
  '*.password',
  '*.authPassword',
  '*.otp',
  '*.fileBase64',
];

/** One line per request with what an operator needs and nothing a request carries. */
export const serializers = {
  req: (request: FastifyRequest) => ({ id: request.id, method: request.method, url: request.url, remoteAddress: request.ip }),
  res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
};
