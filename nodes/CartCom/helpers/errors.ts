// Service-neutral: shared with the CartRover node (nodes/shared/node).
export { asNodeError } from '../../shared/node';
