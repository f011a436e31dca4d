import { defineResource } from '../../helpers/resource';
import { productPictureSpec } from './spec';

export const productPicture = defineResource(productPictureSpec);
