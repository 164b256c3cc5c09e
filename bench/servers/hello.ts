import express from 'express';

/** The baseline: Express 5 hello world, in its own process like the add-on. */
const app = express();
app.get('/', (_req, res) => { res.send('hello world'); });
app.post('/', (_req, res) => { res.send('hello world'); });
const server = app.listen(0, '127.0.0.1', () => {
  const a = server.address();
  process.send?.({ port: typeof a === 'object' && a ? a.port : 0 });
});
