import { ScalarTypeEnum, SchemaModel, defineFormSpec, docId } from 'contracts-codegen/language';
import {
	AGENT_DOMAIN,
	AGENT_OWNERS,
	AGENT_STABILITY,
	AGENT_TAGS,
} from '../constants.js';
import { AgentRunCommand } from '../commands/agentRun.command.js';

const AgentRunFormModel = new SchemaModel({
	name: 'AgentRunFormModel',
	fields: {
		agentKey: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
		prompt: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
		contextSnapshotId: { type: ScalarTypeEnum.ID(), isOptional: true },
		mode: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
		priority: { type: ScalarTypeEnum.Int_unsecure(), isOptional: true },
	},
});

export const AgentRunForm = defineFormSpec({
	meta: {
		key: 'agent.run.form',
		title: 'Run Agent',
		version: '1.0.0',
		description: 'Form to launch a background agent run.',
		domain: AGENT_DOMAIN,
		owners: AGENT_OWNERS,
		tags: [...AGENT_TAGS, 'run'],
		stability: AGENT_STABILITY,
		docId: [docId('docs.tech.agent.run.form')],
	},
	model: AgentRunFormModel,
	fields: [
		{
			kind: 'text',
			name: 'agentKey',
			labelKey: 'Agent',
			required: true,
		},
		{
			kind: 'textarea',
			name: 'prompt',
			labelKey: 'Prompt',
		},
		{
			kind: 'text',
			name: 'contextSnapshotId',
			labelKey: 'Context Snapshot',
		},
		{
			kind: 'text',
			name: 'mode',
			labelKey: 'Mode',
		},
		{
			kind: 'text',
			name: 'priority',
			labelKey: 'Priority',
		},
	],
	actions: [
		{
			key: 'run',
			labelKey: 'Run agent',
			op: { key: AgentRunCommand.meta.key, version: AgentRunCommand.meta.version },
		},
	],
	policy: {
		flags: [],
		pii: ['prompt'],
	},
});
