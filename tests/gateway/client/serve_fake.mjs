// node serve_fake.mjs NAME: one fake OpenAI-compatible upstream on a free loopback port; prints
// the port, streams with 100 ms between chunks, exits after 30 s at the latest (for curl_test.sh).
import { FakeUpstream } from './harness.mjs';

const fake = await new FakeUpstream(process.argv[2] ?? 'fake').start();
fake.behaviour = { chunkGapMs: 100 };
console.log(fake.port);
setTimeout(() => process.exit(0), 30000);
