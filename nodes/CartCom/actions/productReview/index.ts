import { defineResource } from '../../helpers/resource';
import { productReviewSpec } from './spec';

export const productReview = defineResource(productReviewSpec);
