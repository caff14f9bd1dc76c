import { defineCapability, docId } from 'contracts-codegen/language';
import {
	AGENT_DOMAIN,
	AGENT_OWNERS,
	AGENT_STABILITY,
	AGENT_TAGS,
} from '../constants.js';

export const AgentExecutionCapability = defineCapability({
	meta: {
		key: 'agent.execution',
		version: '1.0.0',
		kind: 'integration',
		title: 'Agent Execution',
		description: 'Background agent execution, approvals, and artifacts.',
		domain: AGENT_DOMAIN,
		owners: AGENT_OWNERS,
		tags: [...AGENT_TAGS, 'execution'],
		stability: AGENT_STABILITY,
		docId: [docId('docs.tech.agent.execution')],
	},
	provides: [
		{
			surface: 'operation',
			key: 'agent.run',
			version: '1.0.0',
		},
		{
			surface: 'operation',
			key: 'agent.cancel',
			version: '1.0.0',
		},
		{
			surface: 'operation',
			key: 'agent.approvals',
			version: '1.0.0',
		},
		{
			surface: 'operation',
			key: 'agent.status',
			version: '1.0.0',
		},
		{
			surface: 'operation',
			key: 'agent.artifacts',
			version: '1.0.0',
		},
		{
			surface: 'event',
			key: 'agent.run.started',
			version: '1.0.0',
		},
		{
			surface: 'event',
			key: 'agent.run.completed',
			version: '1.0.0',
		},
		{
			surface: 'event',
			key: 'agent.run.failed',
			version: '1.0.0',
		},
		{
			surface: 'event',
			key: 'agent.approval.requested',
			version: '1.0.0',
		},
		{
			surface: 'presentation',
			key: 'agent.run.audit',
			version: '1.0.0',
		},
	],
});
