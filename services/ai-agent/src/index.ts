import { startAgentService } from './agent-service.ts';

await startAgentService();
