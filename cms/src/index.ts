import type { Core } from '@strapi/strapi';
import { ensureLocales } from './i18n/locales';
import { ensurePublicPermissions } from './security/permissions';
import { ensureDevelopmentAdmin } from './security/admin';
import { ensureEditorialRoles } from './security/roles';
import { guardContentManagerLocales } from './security/locale-guard';
import { enforcePublishedOnly } from './security/drafts';
import { enforceExpiry } from './security/expiry';
import jobOfferFields from './api/job-offer/graphql/computed-fields';
import { applyRuleMiddleware } from './api/job-offer/apply-rule';
import { accountMutationsGuard, closeReaderAccounts } from './security/accounts';
import { ensureConstraints } from './database/constraints';
import { installRelationBatching } from './graphql/batch-relations';
import trainingSessionFields from './api/training-session/graphql/computed-fields';
import registrationGraphql from './api/registration/graphql/registration';
import organisationListing from './api/organisation/graphql/listing';
import organisationMap from './api/organisation/graphql/map';
import organisationSubmissionGraphql from './api/organisation/submission/graphql';
import { moderationMiddleware } from './api/organisation/submission/moderation';
import { ensureSubmissionTable } from './api/organisation/submission/table';
import { submissionsAdminRoutes } from './api/organisation/submission/admin';
import { ensureRegistrationTables } from './api/registration/tables';
import { ensureAllPlaces } from './api/registration/places/places';
import { fillMissingSessionTitles } from './api/registration/admin/session-title';
import { prepareRateLimits } from './api/registration/limits/rate-limit';
import { placeCountMiddleware } from './api/registration/admin/lifecycle';
import { registrationCronTasks } from './api/registration/cron';
import { registrationExportRoutes } from './api/registration/admin/routes';
import { sealStoredTokens } from './api/registration/outbox/outbox';
import { configureRegistrationAdmin } from './api/registration/admin/layout';
import { configureEditorsLayouts } from './editors/layouts';
import { hideApiUsersFromEditors } from './editors/visibility';
import { slugMiddleware } from './editors/slugs';
import { editorsRoutes } from './editors/routes';
import { sharedFieldsMiddleware } from './editors/shared-fields';
import { altTextMiddleware } from './editors/alt-text';
import { choiceRulesMiddleware, registerChoiceFields } from './editors/choice-rules';
import { COMPETENCE, competenceLabelMiddleware, fillCompetenceLabels } from './editors/competence-labels';
import {
  ensureTranslationTables,
  recordMissingSources,
  translationSourceMiddleware,
} from './editors/translation-status';
import { seedOnFirstStart } from './seed';
import { ensurePublishingTables } from './publishing/tables';
import { changeLogMiddleware } from './publishing/log';
import { ensurePurgeTargets, kickPurges } from './publishing/purge';
import contentChangesFeed from './publishing/feed';
import { ensureDevelopmentPreviewToken } from './publishing/preview';
import { publishingCronTasks } from './publishing/cron';
import searchGraphql, { searchService, setSearchService } from './search/graphql';
import { startSearch } from './search/search';
import { openDataRoutes } from './open-data/routes';
import { contentVersionRoutes } from './publishing/version';
import { enforceJoinLinkExpiry } from './api/webinar/join-link';
import { webinarCalendarRoutes } from './api/webinar/calendar';
import moduleUseGraphql from './api/module-use/submission/graphql';
import { moduleUseCronTasks } from './api/module-use/retention';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    hideApiUsersFromEditors(strapi);
    // A country select and role checkboxes in the admin over the same stored values (src/editors/choices.ts).
    registerChoiceFields(strapi);
    strapi.documents.use(choiceRulesMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
    const extension = strapi.plugin('graphql').service('extension');
    // Personal data never appears in the public schema: only the registration contract does.
    extension.shadowCRUD('api::registration.registration').disable();
    // Nor the trainers' "I use this module" records: only the form's contract is public.
    extension.shadowCRUD('api::module-use.module-use').disable();
    extension.use(moduleUseGraphql(strapi));
    // The competence's admin label (private) is not part of the public schema, not even as input.
    extension.shadowCRUD(COMPETENCE).field('label').disable();
    extension.use(trainingSessionFields(strapi));
    extension.use(registrationGraphql(strapi));
    // Job offers: `isExpired`, and no offer published without a way to apply.
    extension.use(jobOfferFields(strapi));
    strapi.documents.use(applyRuleMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
    extension.use(organisationListing(strapi));
    extension.use(organisationMap(strapi));
    // "Add your organisation": a draft for the editors; publishing or deleting it answers the submitter.
    extension.use(organisationSubmissionGraphql(strapi));
    strapi.documents.use(moderationMiddleware(strapi));
    strapi.server.routes(submissionsAdminRoutes(strapi));
    extension.use(accountMutationsGuard(strapi));
    strapi.documents.use(placeCountMiddleware(strapi));
    // Slugs from each locale's own title when left at the default or copied from another locale.
    strapi.documents.use(slugMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
    // Which locale and version each translation was made from (the translation status page).
    strapi.documents.use(translationSourceMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
    strapi.server.routes(editorsRoutes(strapi));
    // A competence reads "4.2 Protecting personal data and privacy" in pickers (a private label).
    strapi.documents.use(competenceLabelMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
    // No version published with an image neither described in its language nor marked decorative.
    strapi.documents.use(altTextMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
    // Publishing one locale publishes the shared fields (logo, dates, capacity) to the other published ones.
    strapi.documents.use(sharedFieldsMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
    // Every public-visible change, in the transaction of the change; purged on the site after commit.
    extension.use(contentChangesFeed(strapi));
    extension.use(searchGraphql(strapi));
    strapi.documents.use(changeLogMiddleware(strapi, () => void kickPurges(strapi)));
    strapi.server.routes(registrationExportRoutes(strapi));
    strapi.server.routes(openDataRoutes(strapi));
    strapi.server.routes(contentVersionRoutes(strapi));
    // A webinar's calendar file (.ics) for its page's download link.
    strapi.server.routes(webinarCalendarRoutes(strapi));
    // A translator writes their own locale only, also when creating one (Strapi checks only existing versions).
    guardContentManagerLocales(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Before anything can serve a request: the public reads published content only.
    enforcePublishedOnly(strapi);
    // …and, of what expires (job offers), lists only what is still open.
    enforceExpiry(strapi);
    // A webinar's join link only until it ends, for every public read (REST, GraphQL, relations).
    enforceJoinLinkExpiry(strapi);
    await ensureRegistrationTables(strapi);
    await ensureSubmissionTable(strapi);
    await ensurePublishingTables(strapi);
    await ensureTranslationTables(strapi);
    await sealStoredTokens(strapi);
    await ensureConstraints(strapi);
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await closeReaderAccounts(strapi);
    await ensureDevelopmentAdmin(strapi);
    await ensureEditorialRoles(strapi);
    await ensureDevelopmentPreviewToken(strapi);
    installRelationBatching(strapi);
    await seedOnFirstStart(strapi);
    await ensureAllPlaces(strapi);
    await fillMissingSessionTitles(strapi);
    await prepareRateLimits(strapi);
    await configureRegistrationAdmin(strapi);
    await configureEditorsLayouts(strapi);
    await recordMissingSources(strapi);
    await fillCompetenceLabels(strapi);
    // After the seed: a new purge target starts at the end of the log (its cache starts empty).
    await ensurePurgeTargets(strapi);
    strapi.cron.add(registrationCronTasks());
    strapi.cron.add(publishingCronTasks());
    strapi.cron.add(moduleUseCronTasks());
    // After the seed: the index starts from every published entry, then follows the change log.
    setSearchService(strapi, await startSearch(strapi));
  },

  destroy({ strapi }: { strapi: Core.Strapi }) {
    searchService(strapi)?.stop();
    setSearchService(strapi, undefined);
  },
};
