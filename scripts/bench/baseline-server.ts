import express from 'express';
import { Pool } from 'pg';

/** The baseline for the API benchmark: minimal Express + pg returning the same stored JSON. */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = express();
app.get('/scores', async (req, res) => {
  const { rows } = await pool.query<{ record: unknown }>('select record from score_snapshot where period = $1', [req.query.period]);
  if (rows.length === 0) {
    res.status(404).json({ statusCode: 404, message: 'no record' });
    return;
  }
  res.json(rows[0].record);
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
