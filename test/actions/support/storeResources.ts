/**
 * Helpers for the people / locations / other-resources tests: the shared action-node test kit.
 */
export * from '../../helpers/actionKit';
