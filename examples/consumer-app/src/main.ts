import { runScenario } from './consumer.js';

// node dist/main.js <baseUrl> — the token comes from CONTRACTS_TOKEN; prints the report as JSON.
const baseUrl = process.argv[2] ?? process.env.CONTRACTS_URL ?? 'http://127.0.0.1:8787';
const report = await runScenario({
  baseUrl,
  token: process.env.CONTRACTS_TOKEN ?? '',
  suiteKey: 'consumer-smoke',
  executor: 'case',
  agentKey: 'echo',
  prompt: 'summarize the consumer app',
});
console.log(JSON.stringify(report, null, 2));
