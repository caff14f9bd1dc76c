import { ScalarTypeEnum, SchemaModel } from 'contracts-codegen/language';

export const AgentRunSummaryModel = new SchemaModel({
	name: 'AgentRunSummary',
	description: 'Status summary of one agent run.',
	fields: {
		runId: { type: ScalarTypeEnum.ID(), isOptional: false },
		agentKey: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		status: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		submittedAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		startedAt: { type: ScalarTypeEnum.DateTime(), isOptional: true },
		completedAt: { type: ScalarTypeEnum.DateTime(), isOptional: true },
		contextSnapshotId: { type: ScalarTypeEnum.ID(), isOptional: true },
		lastError: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
	},
});

export const AgentArtifactModel = new SchemaModel({
	name: 'AgentArtifact',
	description: 'An output produced by an agent run (diff, file, report).',
	fields: {
		artifactId: { type: ScalarTypeEnum.ID(), isOptional: false },
		kind: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		uri: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		contentType: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
		summary: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
		createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
	},
});
