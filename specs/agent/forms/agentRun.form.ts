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
			labelI18n: 'Agent',
			required: true,
		},
		{
			kind: 'textarea',
			name: 'prompt',
			labelI18n: 'Prompt',
		},
		{
			kind: 'text',
			name: 'contextSnapshotId',
			labelI18n: 'Context Snapshot',
		},
		{
			kind: 'text',
			name: 'mode',
			labelI18n: 'Mode',
		},
		{
			kind: 'text',
			name: 'priority',
			labelI18n: 'Priority',
		},
	],
	actions: [
		{
			key: 'run',
			labelI18n: 'Run agent',
			op: { name: AgentRunCommand.meta.key, version: AgentRunCommand.meta.version },
		},
	],
	policy: {
		flags: [],
		pii: ['prompt'],
	},
});
