import type { HandlersFor } from '../../ipc/types.ts';
import { archivePost, createPost, deletePost, getPost, listPosts, postOptions, updatePost } from './service.ts';

export const postsHandlers: HandlersFor<'post.list' | 'post.get' | 'post.options' | 'post.create' | 'post.update' | 'post.delete' | 'post.archive' | 'post.restore'> = {
  'post.list': (input, rt) => ({ ...listPosts(rt.app(), input), page: input.page, pageSize: input.pageSize }),
  'post.get': ({ id }, rt) => getPost(rt.app(), id),
  'post.options': (input, rt) => postOptions(rt.app(), input.unitId),
  'post.create': (input, rt) => createPost(rt.app(), input),
  'post.update': ({ id, ...values }, rt) => updatePost(rt.app(), id, values),
  'post.delete': ({ id }, rt) => {
    deletePost(rt.app(), id);
    return { ok: true };
  },
  'post.archive': ({ id }, rt) => archivePost(rt.app(), id, true),
  'post.restore': ({ id }, rt) => archivePost(rt.app(), id, false),
};
