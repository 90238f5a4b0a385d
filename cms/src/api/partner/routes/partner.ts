export default {
  routes: [
    {
      method: 'GET',
      path: '/partners/schema.graphql',
      handler: 'partner.schema',
      config: { auth: false },
    },
  ],
};
