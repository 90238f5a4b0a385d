export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date string, such as 2007-12-03, compliant with the `full-date` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A string used to identify an i18n locale */
  I18NLocaleCode: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type AudienceFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<AudienceFiltersInput>>>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<AudienceFiltersInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<AudienceFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<AudienceFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  slug?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type AudienceInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type BooleanFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['Boolean']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['Boolean']['input']>>>;
  contains?: InputMaybe<Scalars['Boolean']['input']>;
  containsi?: InputMaybe<Scalars['Boolean']['input']>;
  endsWith?: InputMaybe<Scalars['Boolean']['input']>;
  eq?: InputMaybe<Scalars['Boolean']['input']>;
  eqi?: InputMaybe<Scalars['Boolean']['input']>;
  gt?: InputMaybe<Scalars['Boolean']['input']>;
  gte?: InputMaybe<Scalars['Boolean']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['Boolean']['input']>>>;
  lt?: InputMaybe<Scalars['Boolean']['input']>;
  lte?: InputMaybe<Scalars['Boolean']['input']>;
  ne?: InputMaybe<Scalars['Boolean']['input']>;
  nei?: InputMaybe<Scalars['Boolean']['input']>;
  not?: InputMaybe<BooleanFilterInput>;
  notContains?: InputMaybe<Scalars['Boolean']['input']>;
  notContainsi?: InputMaybe<Scalars['Boolean']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['Boolean']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['Boolean']['input']>>>;
  startsWith?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CompetenceFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<CompetenceFiltersInput>>>;
  areaCode?: InputMaybe<IntFilterInput>;
  areaName?: InputMaybe<StringFilterInput>;
  code?: InputMaybe<StringFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  jobSheets?: InputMaybe<JobSheetFiltersInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<CompetenceFiltersInput>;
  modules?: InputMaybe<ModuleFiltersInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<CompetenceFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<CompetenceFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  slug?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type CompetenceInput = {
  areaCode?: InputMaybe<Scalars['Int']['input']>;
  areaName?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  jobSheets?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  modules?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  name?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type ComponentInterviewQuestionAnswerFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ComponentInterviewQuestionAnswerFiltersInput>>>;
  answer?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ComponentInterviewQuestionAnswerFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ComponentInterviewQuestionAnswerFiltersInput>>>;
  question?: InputMaybe<StringFilterInput>;
};

export type ComponentInterviewQuestionAnswerInput = {
  answer?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  question?: InputMaybe<Scalars['String']['input']>;
};

export type ComponentJobMissionFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ComponentJobMissionFiltersInput>>>;
  not?: InputMaybe<ComponentJobMissionFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ComponentJobMissionFiltersInput>>>;
  text?: InputMaybe<StringFilterInput>;
};

export type ComponentJobMissionInput = {
  id?: InputMaybe<Scalars['ID']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};

export type ComponentJobSkillFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ComponentJobSkillFiltersInput>>>;
  kind?: InputMaybe<StringFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ComponentJobSkillFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ComponentJobSkillFiltersInput>>>;
};

export type ComponentJobSkillInput = {
  id?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<Enum_Componentjobskill_Kind>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type ComponentModuleToolFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ComponentModuleToolFiltersInput>>>;
  description?: InputMaybe<StringFilterInput>;
  isOpenSource?: InputMaybe<BooleanFilterInput>;
  licence?: InputMaybe<StringFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ComponentModuleToolFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ComponentModuleToolFiltersInput>>>;
  url?: InputMaybe<StringFilterInput>;
};

export type ComponentModuleToolInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  isOpenSource?: InputMaybe<Scalars['Boolean']['input']>;
  licence?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type ComponentSharedSeoFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ComponentSharedSeoFiltersInput>>>;
  metaDescription?: InputMaybe<StringFilterInput>;
  metaTitle?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ComponentSharedSeoFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ComponentSharedSeoFiltersInput>>>;
  shareImageAlt?: InputMaybe<StringFilterInput>;
};

export type ComponentSharedSeoInput = {
  id?: InputMaybe<Scalars['ID']['input']>;
  metaDescription?: InputMaybe<Scalars['String']['input']>;
  metaTitle?: InputMaybe<Scalars['String']['input']>;
  shareImage?: InputMaybe<Scalars['ID']['input']>;
  shareImageAlt?: InputMaybe<Scalars['String']['input']>;
};

export type ComponentWebinarCaptionFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ComponentWebinarCaptionFiltersInput>>>;
  language?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ComponentWebinarCaptionFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ComponentWebinarCaptionFiltersInput>>>;
};

export type ComponentWebinarCaptionInput = {
  file?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  language?: InputMaybe<Enum_Componentwebinarcaption_Language>;
};

export type ComponentWebinarSpeakerFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ComponentWebinarSpeakerFiltersInput>>>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ComponentWebinarSpeakerFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ComponentWebinarSpeakerFiltersInput>>>;
  organisation?: InputMaybe<OrganisationFiltersInput>;
  role?: InputMaybe<StringFilterInput>;
};

export type ComponentWebinarSpeakerInput = {
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  organisation?: InputMaybe<Scalars['ID']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

/** published: became public in this locale; updated: its public version changed; unpublished / deleted: no longer public. */
export type ContentChangeAction =
  | 'deleted'
  | 'published'
  | 'unpublished'
  | 'updated';

export type DateFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['Date']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['Date']['input']>>>;
  contains?: InputMaybe<Scalars['Date']['input']>;
  containsi?: InputMaybe<Scalars['Date']['input']>;
  endsWith?: InputMaybe<Scalars['Date']['input']>;
  eq?: InputMaybe<Scalars['Date']['input']>;
  eqi?: InputMaybe<Scalars['Date']['input']>;
  gt?: InputMaybe<Scalars['Date']['input']>;
  gte?: InputMaybe<Scalars['Date']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['Date']['input']>>>;
  lt?: InputMaybe<Scalars['Date']['input']>;
  lte?: InputMaybe<Scalars['Date']['input']>;
  ne?: InputMaybe<Scalars['Date']['input']>;
  nei?: InputMaybe<Scalars['Date']['input']>;
  not?: InputMaybe<DateFilterInput>;
  notContains?: InputMaybe<Scalars['Date']['input']>;
  notContainsi?: InputMaybe<Scalars['Date']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['Date']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['Date']['input']>>>;
  startsWith?: InputMaybe<Scalars['Date']['input']>;
};

export type DateTimeFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['DateTime']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['DateTime']['input']>>>;
  contains?: InputMaybe<Scalars['DateTime']['input']>;
  containsi?: InputMaybe<Scalars['DateTime']['input']>;
  endsWith?: InputMaybe<Scalars['DateTime']['input']>;
  eq?: InputMaybe<Scalars['DateTime']['input']>;
  eqi?: InputMaybe<Scalars['DateTime']['input']>;
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['DateTime']['input']>>>;
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  lte?: InputMaybe<Scalars['DateTime']['input']>;
  ne?: InputMaybe<Scalars['DateTime']['input']>;
  nei?: InputMaybe<Scalars['DateTime']['input']>;
  not?: InputMaybe<DateTimeFilterInput>;
  notContains?: InputMaybe<Scalars['DateTime']['input']>;
  notContainsi?: InputMaybe<Scalars['DateTime']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['DateTime']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['DateTime']['input']>>>;
  startsWith?: InputMaybe<Scalars['DateTime']['input']>;
};

export type Enum_Componentjobskill_Kind =
  | 'technical'
  | 'transversal';

export type Enum_Componentwebinarcaption_Language =
  | 'en'
  | 'es'
  | 'fr'
  | 'it';

export type Enum_Joboffer_Contract =
  | 'apprenticeship'
  | 'employment'
  | 'freelance'
  | 'internship'
  | 'volunteering';

export type Enum_Joboffer_Salaryperiod =
  | 'day'
  | 'hour'
  | 'month'
  | 'year';

export type Enum_Joboffer_Workplace =
  | 'hybrid'
  | 'on_site'
  | 'remote';

export type Enum_Module_Level =
  | 'advanced'
  | 'discovery'
  | 'intermediate';

export type Enum_Organisation_Kind =
  | 'association'
  | 'company'
  | 'cooperative'
  | 'foundation'
  | 'mutual'
  | 'network'
  | 'other'
  | 'public_body'
  | 'social_enterprise';

export type Enum_Trainingsession_Format =
  | 'hybrid'
  | 'in_person'
  | 'online';

export type Enum_Trainingsession_Teachinglanguage =
  | 'en'
  | 'es'
  | 'fr'
  | 'it';

export type Enum_Webinar_Language =
  | 'en'
  | 'es'
  | 'fr'
  | 'it';

export type FileInfoInput = {
  alternativeText?: InputMaybe<Scalars['String']['input']>;
  caption?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type FloatFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  contains?: InputMaybe<Scalars['Float']['input']>;
  containsi?: InputMaybe<Scalars['Float']['input']>;
  endsWith?: InputMaybe<Scalars['Float']['input']>;
  eq?: InputMaybe<Scalars['Float']['input']>;
  eqi?: InputMaybe<Scalars['Float']['input']>;
  gt?: InputMaybe<Scalars['Float']['input']>;
  gte?: InputMaybe<Scalars['Float']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  lt?: InputMaybe<Scalars['Float']['input']>;
  lte?: InputMaybe<Scalars['Float']['input']>;
  ne?: InputMaybe<Scalars['Float']['input']>;
  nei?: InputMaybe<Scalars['Float']['input']>;
  not?: InputMaybe<FloatFilterInput>;
  notContains?: InputMaybe<Scalars['Float']['input']>;
  notContainsi?: InputMaybe<Scalars['Float']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  startsWith?: InputMaybe<Scalars['Float']['input']>;
};

export type HomeInput = {
  featuredInterviews?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  featuredJobSheets?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  featuredModules?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  heroText?: InputMaybe<Scalars['String']['input']>;
  heroTitle?: InputMaybe<Scalars['String']['input']>;
  intro?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
};

export type I18NLocaleFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<I18NLocaleFiltersInput>>>;
  code?: InputMaybe<StringFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<I18NLocaleFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<I18NLocaleFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type IdFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  contains?: InputMaybe<Scalars['ID']['input']>;
  containsi?: InputMaybe<Scalars['ID']['input']>;
  endsWith?: InputMaybe<Scalars['ID']['input']>;
  eq?: InputMaybe<Scalars['ID']['input']>;
  eqi?: InputMaybe<Scalars['ID']['input']>;
  gt?: InputMaybe<Scalars['ID']['input']>;
  gte?: InputMaybe<Scalars['ID']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  lt?: InputMaybe<Scalars['ID']['input']>;
  lte?: InputMaybe<Scalars['ID']['input']>;
  ne?: InputMaybe<Scalars['ID']['input']>;
  nei?: InputMaybe<Scalars['ID']['input']>;
  not?: InputMaybe<IdFilterInput>;
  notContains?: InputMaybe<Scalars['ID']['input']>;
  notContainsi?: InputMaybe<Scalars['ID']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  startsWith?: InputMaybe<Scalars['ID']['input']>;
};

export type IntFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  contains?: InputMaybe<Scalars['Int']['input']>;
  containsi?: InputMaybe<Scalars['Int']['input']>;
  endsWith?: InputMaybe<Scalars['Int']['input']>;
  eq?: InputMaybe<Scalars['Int']['input']>;
  eqi?: InputMaybe<Scalars['Int']['input']>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  gte?: InputMaybe<Scalars['Int']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  lte?: InputMaybe<Scalars['Int']['input']>;
  ne?: InputMaybe<Scalars['Int']['input']>;
  nei?: InputMaybe<Scalars['Int']['input']>;
  not?: InputMaybe<IntFilterInput>;
  notContains?: InputMaybe<Scalars['Int']['input']>;
  notContainsi?: InputMaybe<Scalars['Int']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['Int']['input']>>>;
  startsWith?: InputMaybe<Scalars['Int']['input']>;
};

export type InterviewFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<InterviewFiltersInput>>>;
  body?: InputMaybe<ComponentInterviewQuestionAnswerFiltersInput>;
  country?: InputMaybe<StringFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  interviewDate?: InputMaybe<DateFilterInput>;
  isSamplePortrait?: InputMaybe<BooleanFilterInput>;
  jobSheet?: InputMaybe<JobSheetFiltersInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<InterviewFiltersInput>;
  not?: InputMaybe<InterviewFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<InterviewFiltersInput>>>;
  organisation?: InputMaybe<OrganisationFiltersInput>;
  personName?: InputMaybe<StringFilterInput>;
  personRole?: InputMaybe<StringFilterInput>;
  portraitAlt?: InputMaybe<StringFilterInput>;
  portraitDecorative?: InputMaybe<BooleanFilterInput>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  pullQuote?: InputMaybe<StringFilterInput>;
  seo?: InputMaybe<ComponentSharedSeoFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  summary?: InputMaybe<StringFilterInput>;
  title?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  videoUrl?: InputMaybe<StringFilterInput>;
};

export type InterviewInput = {
  body?: InputMaybe<Array<InputMaybe<ComponentInterviewQuestionAnswerInput>>>;
  country?: InputMaybe<Scalars['String']['input']>;
  interviewDate?: InputMaybe<Scalars['Date']['input']>;
  isSamplePortrait?: InputMaybe<Scalars['Boolean']['input']>;
  jobSheet?: InputMaybe<Scalars['ID']['input']>;
  organisation?: InputMaybe<Scalars['ID']['input']>;
  personName?: InputMaybe<Scalars['String']['input']>;
  personRole?: InputMaybe<Scalars['String']['input']>;
  portrait?: InputMaybe<Scalars['ID']['input']>;
  portraitAlt?: InputMaybe<Scalars['String']['input']>;
  portraitDecorative?: InputMaybe<Scalars['Boolean']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  pullQuote?: InputMaybe<Scalars['String']['input']>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  slug?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  videoUrl?: InputMaybe<Scalars['String']['input']>;
};

export type JsonFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['JSON']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['JSON']['input']>>>;
  contains?: InputMaybe<Scalars['JSON']['input']>;
  containsi?: InputMaybe<Scalars['JSON']['input']>;
  endsWith?: InputMaybe<Scalars['JSON']['input']>;
  eq?: InputMaybe<Scalars['JSON']['input']>;
  eqi?: InputMaybe<Scalars['JSON']['input']>;
  gt?: InputMaybe<Scalars['JSON']['input']>;
  gte?: InputMaybe<Scalars['JSON']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['JSON']['input']>>>;
  lt?: InputMaybe<Scalars['JSON']['input']>;
  lte?: InputMaybe<Scalars['JSON']['input']>;
  ne?: InputMaybe<Scalars['JSON']['input']>;
  nei?: InputMaybe<Scalars['JSON']['input']>;
  not?: InputMaybe<JsonFilterInput>;
  notContains?: InputMaybe<Scalars['JSON']['input']>;
  notContainsi?: InputMaybe<Scalars['JSON']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['JSON']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['JSON']['input']>>>;
  startsWith?: InputMaybe<Scalars['JSON']['input']>;
};

export type JobOfferFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<JobOfferFiltersInput>>>;
  applyEmail?: InputMaybe<StringFilterInput>;
  applyUrl?: InputMaybe<StringFilterInput>;
  city?: InputMaybe<StringFilterInput>;
  competences?: InputMaybe<CompetenceFiltersInput>;
  contract?: InputMaybe<StringFilterInput>;
  country?: InputMaybe<StringFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  jobSheet?: InputMaybe<JobSheetFiltersInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<JobOfferFiltersInput>;
  not?: InputMaybe<JobOfferFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<JobOfferFiltersInput>>>;
  organisation?: InputMaybe<OrganisationFiltersInput>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  publishedUntil?: InputMaybe<DateTimeFilterInput>;
  salaryCurrency?: InputMaybe<StringFilterInput>;
  salaryMax?: InputMaybe<IntFilterInput>;
  salaryMin?: InputMaybe<IntFilterInput>;
  salaryPeriod?: InputMaybe<StringFilterInput>;
  seo?: InputMaybe<ComponentSharedSeoFiltersInput>;
  skills?: InputMaybe<ComponentJobSkillFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  summary?: InputMaybe<StringFilterInput>;
  title?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  workplace?: InputMaybe<StringFilterInput>;
};

export type JobOfferInput = {
  applyEmail?: InputMaybe<Scalars['String']['input']>;
  applyUrl?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  competences?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  contract?: InputMaybe<Enum_Joboffer_Contract>;
  country?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  jobSheet?: InputMaybe<Scalars['ID']['input']>;
  organisation?: InputMaybe<Scalars['ID']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  publishedUntil?: InputMaybe<Scalars['DateTime']['input']>;
  salaryCurrency?: InputMaybe<Scalars['String']['input']>;
  salaryMax?: InputMaybe<Scalars['Int']['input']>;
  salaryMin?: InputMaybe<Scalars['Int']['input']>;
  salaryPeriod?: InputMaybe<Enum_Joboffer_Salaryperiod>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  skills?: InputMaybe<Array<InputMaybe<ComponentJobSkillInput>>>;
  slug?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  workplace?: InputMaybe<Enum_Joboffer_Workplace>;
};

export type JobSheetFiltersInput = {
  accessRoutes?: InputMaybe<StringFilterInput>;
  and?: InputMaybe<Array<InputMaybe<JobSheetFiltersInput>>>;
  competences?: InputMaybe<CompetenceFiltersInput>;
  coverAlt?: InputMaybe<StringFilterInput>;
  coverDecorative?: InputMaybe<BooleanFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  escoUri?: InputMaybe<StringFilterInput>;
  interviews?: InputMaybe<InterviewFiltersInput>;
  iscoCode?: InputMaybe<StringFilterInput>;
  jobOffers?: InputMaybe<JobOfferFiltersInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<JobSheetFiltersInput>;
  missions?: InputMaybe<ComponentJobMissionFiltersInput>;
  modules?: InputMaybe<ModuleFiltersInput>;
  not?: InputMaybe<JobSheetFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<JobSheetFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  relatedJobs?: InputMaybe<JobSheetFiltersInput>;
  salaryRange?: InputMaybe<StringFilterInput>;
  seo?: InputMaybe<ComponentSharedSeoFiltersInput>;
  skills?: InputMaybe<ComponentJobSkillFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  summary?: InputMaybe<StringFilterInput>;
  title?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  workContexts?: InputMaybe<StringFilterInput>;
};

export type JobSheetInput = {
  accessRoutes?: InputMaybe<Scalars['String']['input']>;
  competences?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  cover?: InputMaybe<Scalars['ID']['input']>;
  coverAlt?: InputMaybe<Scalars['String']['input']>;
  coverDecorative?: InputMaybe<Scalars['Boolean']['input']>;
  escoUri?: InputMaybe<Scalars['String']['input']>;
  interviews?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  iscoCode?: InputMaybe<Scalars['String']['input']>;
  jobOffers?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  missions?: InputMaybe<Array<InputMaybe<ComponentJobMissionInput>>>;
  modules?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  relatedJobs?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  salaryRange?: InputMaybe<Scalars['String']['input']>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  skills?: InputMaybe<Array<InputMaybe<ComponentJobSkillInput>>>;
  slug?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  workContexts?: InputMaybe<Scalars['String']['input']>;
};

export type ModuleFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ModuleFiltersInput>>>;
  audiences?: InputMaybe<AudienceFiltersInput>;
  authors?: InputMaybe<OrganisationFiltersInput>;
  competences?: InputMaybe<CompetenceFiltersInput>;
  coverAlt?: InputMaybe<StringFilterInput>;
  coverDecorative?: InputMaybe<BooleanFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  durationHours?: InputMaybe<FloatFilterInput>;
  jobSheets?: InputMaybe<JobSheetFiltersInput>;
  level?: InputMaybe<StringFilterInput>;
  licence?: InputMaybe<StringFilterInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<ModuleFiltersInput>;
  not?: InputMaybe<ModuleFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ModuleFiltersInput>>>;
  practicalCase?: InputMaybe<StringFilterInput>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  referenceModel?: InputMaybe<StringFilterInput>;
  seo?: InputMaybe<ComponentSharedSeoFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  summary?: InputMaybe<StringFilterInput>;
  theme?: InputMaybe<ThemeFiltersInput>;
  theory?: InputMaybe<StringFilterInput>;
  title?: InputMaybe<StringFilterInput>;
  toolbox?: InputMaybe<ComponentModuleToolFiltersInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type ModuleInput = {
  audiences?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  authors?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  competences?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  cover?: InputMaybe<Scalars['ID']['input']>;
  coverAlt?: InputMaybe<Scalars['String']['input']>;
  coverDecorative?: InputMaybe<Scalars['Boolean']['input']>;
  durationHours?: InputMaybe<Scalars['Float']['input']>;
  jobSheets?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  level?: InputMaybe<Enum_Module_Level>;
  licence?: InputMaybe<Scalars['String']['input']>;
  practicalCase?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  referenceModel?: InputMaybe<Scalars['String']['input']>;
  resources?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  slug?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  theme?: InputMaybe<Scalars['ID']['input']>;
  theory?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  toolbox?: InputMaybe<Array<InputMaybe<ComponentModuleToolInput>>>;
};

/** A trainer telling the academy they use a module; kept privately for the editors. Refusals are GraphQL errors with `extensions.code` (one of INVALID_INPUT, FORM_EXPIRED, TOO_FAST, SPAM_SUSPECTED, RATE_LIMITED), `extensions.field` (the input field concerned, or null) and a message in the requested locale. INVALID_INPUT lists every invalid field in `extensions.fieldErrors` ([{ field, code, message }], code one of REQUIRED, TOO_LONG, INVALID_EMAIL, INVALID_VALUE, CONSENT_REQUIRED); RATE_LIMITED carries `extensions.retryAfterSeconds`. A refused call changes nothing. */
export type ModuleUseInput = {
  /** Must be true: the trainer ticked the (unticked by default) box accepting the privacy policy. */
  consent: Scalars['Boolean']['input'];
  /** Optional, at most 1000 characters: how and with whom the module is used (line breaks kept). */
  context?: InputMaybe<Scalars['String']['input']>;
  /** Required, an ISO 3166-1 alpha-2 code (FR, IT…). */
  country: Scalars['String']['input'];
  /** Required, at most 254 characters. */
  email: Scalars['String']['input'];
  /** The token from `moduleUseFormToken`, fetched when the form was rendered. Refused as FORM_EXPIRED when forged or older than REGISTRATION_FORM_TOKEN_MAX_AGE_S (24 h), and as TOO_FAST when sent less than REGISTRATION_MIN_FILL_S (3 s) after it was issued. A form sent again with the same token is stored once. */
  formToken: Scalars['String']['input'];
  /** Required, at most 120 characters. */
  fullName: Scalars['String']['input'];
  /** Honeypot: anything in it is refused as SPAM_SUSPECTED. Send it empty or leave it out. */
  homepage?: InputMaybe<Scalars['String']['input']>;
  /** Optional, how many learners: from 1 to 100000. */
  learners?: InputMaybe<Scalars['Int']['input']>;
  /** en, fr, it or es: the language of error messages. */
  locale: Scalars['String']['input'];
  /** The documentId of a published module. */
  module: Scalars['ID']['input'];
  /** Optional, at most 200 characters. */
  organisation?: InputMaybe<Scalars['String']['input']>;
};

export type OrganisationFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<OrganisationFiltersInput>>>;
  city?: InputMaybe<StringFilterInput>;
  country?: InputMaybe<StringFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  foundedYear?: InputMaybe<IntFilterInput>;
  isConsortiumPartner?: InputMaybe<BooleanFilterInput>;
  jobOffers?: InputMaybe<JobOfferFiltersInput>;
  kind?: InputMaybe<StringFilterInput>;
  latitude?: InputMaybe<FloatFilterInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<OrganisationFiltersInput>;
  logoAlt?: InputMaybe<StringFilterInput>;
  logoDecorative?: InputMaybe<BooleanFilterInput>;
  longitude?: InputMaybe<FloatFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<OrganisationFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<OrganisationFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  roles?: InputMaybe<JsonFilterInput>;
  services?: InputMaybe<ThemeFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  website?: InputMaybe<StringFilterInput>;
};

export type OrganisationInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  foundedYear?: InputMaybe<Scalars['Int']['input']>;
  isConsortiumPartner?: InputMaybe<Scalars['Boolean']['input']>;
  jobOffers?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  kind?: InputMaybe<Enum_Organisation_Kind>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  logo?: InputMaybe<Scalars['ID']['input']>;
  logoAlt?: InputMaybe<Scalars['String']['input']>;
  logoDecorative?: InputMaybe<Scalars['Boolean']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  roles?: InputMaybe<Scalars['JSON']['input']>;
  services?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  slug?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

/** At most one value per facet; values as in OrganisationListing.facets. */
export type OrganisationListingFilters = {
  /** ISO 3166-1 alpha-2 code, e.g. "FR". */
  country?: InputMaybe<Scalars['String']['input']>;
  /** An ENUM_ORGANISATION_KIND value, e.g. "social_enterprise". */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** One of the values of Organisation.roles, e.g. "training". */
  role?: InputMaybe<Scalars['String']['input']>;
  /** The documentId of a Theme. */
  service?: InputMaybe<Scalars['ID']['input']>;
};

/** An organisation proposed for the Atlas by a reader; it becomes a draft that editors publish or delete. Refusals are GraphQL errors with `extensions.code` (one of INVALID_INPUT, FORM_EXPIRED, TOO_FAST, SPAM_SUSPECTED, RATE_LIMITED), `extensions.field` (the input field concerned, or null) and a message in the requested locale. INVALID_INPUT lists every invalid field in `extensions.fieldErrors` ([{ field, code, message }], code one of REQUIRED, TOO_LONG, INVALID_EMAIL, INVALID_VALUE, CONSENT_REQUIRED); RATE_LIMITED carries `extensions.retryAfterSeconds`. A refused call changes nothing. */
export type OrganisationSubmissionInput = {
  /** Optional, at most 120 characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Must be true: the submitter ticked the (unticked by default) box accepting the privacy policy. */
  consent: Scalars['Boolean']['input'];
  /** The submitter's email (required, at most 254 characters), for the acknowledgement and the moderation's outcome: private, erased after moderation. */
  contactEmail: Scalars['String']['input'];
  /** The submitter's name (required, at most 120 characters): private, erased after moderation. */
  contactName: Scalars['String']['input'];
  /** Required, an ISO 3166-1 alpha-2 code (FR, IT…). */
  country: Scalars['String']['input'];
  /** Required, at most 3000 characters, in the language of `locale` (line breaks kept). */
  description: Scalars['String']['input'];
  /** The token from `organisationSubmissionFormToken`, fetched when the form was rendered. Refused as FORM_EXPIRED when forged or older than REGISTRATION_FORM_TOKEN_MAX_AGE_S (24 h), and as TOO_FAST when sent less than REGISTRATION_MIN_FILL_S (3 s) after it was issued. */
  formToken: Scalars['String']['input'];
  /** Optional, from 1800 to the current year. */
  foundedYear?: InputMaybe<Scalars['Int']['input']>;
  /** Honeypot: a field hidden from people (and from assistive technology); anything in it is refused as SPAM_SUSPECTED. Send it empty or leave it out. */
  homepage?: InputMaybe<Scalars['String']['input']>;
  /** Required, one of: association, cooperative, mutual, foundation, social-enterprise, public-body, company, network, other. */
  kind: Scalars['String']['input'];
  /** en, fr, it or es: the language of the draft, of error messages and of the mails to the submitter. */
  locale: Scalars['String']['input'];
  /** Required, at most 200 characters. */
  name: Scalars['String']['input'];
  /** Any of: tools-provider, transition-support, training, network. */
  roles?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Optional, at most 10 documentIds of published themes (what the organisation offers). */
  services?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Optional, an http(s) URL of at most 300 characters. */
  website?: InputMaybe<Scalars['String']['input']>;
};

export type PaginationArg = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  pageSize?: InputMaybe<Scalars['Int']['input']>;
  start?: InputMaybe<Scalars['Int']['input']>;
};

export type PublicationFilter =
  | 'HAS_PUBLISHED_VERSION'
  | 'HAS_PUBLISHED_VERSION_DOCUMENT'
  | 'MODIFIED'
  | 'NEVER_PUBLISHED'
  | 'NEVER_PUBLISHED_DOCUMENT'
  | 'PUBLISHED_WITHOUT_DRAFT'
  | 'PUBLISHED_WITH_DRAFT'
  | 'UNMODIFIED';

export type PublicationStatus =
  | 'DRAFT'
  | 'PUBLISHED';

export type ReviewWorkflowsWorkflowFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ReviewWorkflowsWorkflowFiltersInput>>>;
  contentTypes?: InputMaybe<JsonFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ReviewWorkflowsWorkflowFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ReviewWorkflowsWorkflowFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  stageRequiredToPublish?: InputMaybe<ReviewWorkflowsWorkflowStageFiltersInput>;
  stages?: InputMaybe<ReviewWorkflowsWorkflowStageFiltersInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type ReviewWorkflowsWorkflowInput = {
  contentTypes?: InputMaybe<Scalars['JSON']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  stageRequiredToPublish?: InputMaybe<Scalars['ID']['input']>;
  stages?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
};

export type ReviewWorkflowsWorkflowStageFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ReviewWorkflowsWorkflowStageFiltersInput>>>;
  color?: InputMaybe<StringFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ReviewWorkflowsWorkflowStageFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ReviewWorkflowsWorkflowStageFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  workflow?: InputMaybe<ReviewWorkflowsWorkflowFiltersInput>;
};

export type ReviewWorkflowsWorkflowStageInput = {
  color?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  workflow?: InputMaybe<Scalars['ID']['input']>;
};

export type SiteInput = {
  accessibilityStatement?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  footerText?: InputMaybe<Scalars['String']['input']>;
  legalNotice?: InputMaybe<Scalars['String']['input']>;
  privacyPolicy?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  tagline?: InputMaybe<Scalars['String']['input']>;
};

export type StringFilterInput = {
  and?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  between?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  contains?: InputMaybe<Scalars['String']['input']>;
  containsi?: InputMaybe<Scalars['String']['input']>;
  endsWith?: InputMaybe<Scalars['String']['input']>;
  eq?: InputMaybe<Scalars['String']['input']>;
  eqi?: InputMaybe<Scalars['String']['input']>;
  gt?: InputMaybe<Scalars['String']['input']>;
  gte?: InputMaybe<Scalars['String']['input']>;
  in?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  lt?: InputMaybe<Scalars['String']['input']>;
  lte?: InputMaybe<Scalars['String']['input']>;
  ne?: InputMaybe<Scalars['String']['input']>;
  nei?: InputMaybe<Scalars['String']['input']>;
  not?: InputMaybe<StringFilterInput>;
  notContains?: InputMaybe<Scalars['String']['input']>;
  notContainsi?: InputMaybe<Scalars['String']['input']>;
  notIn?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  notNull?: InputMaybe<Scalars['Boolean']['input']>;
  null?: InputMaybe<Scalars['Boolean']['input']>;
  or?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

export type ThemeFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<ThemeFiltersInput>>>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<ThemeFiltersInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<ThemeFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<ThemeFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  slug?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type ThemeInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type TrainerKitFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<TrainerKitFiltersInput>>>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  facilitatorGuide?: InputMaybe<StringFilterInput>;
  licence?: InputMaybe<StringFilterInput>;
  licenceUrl?: InputMaybe<StringFilterInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<TrainerKitFiltersInput>;
  module?: InputMaybe<ModuleFiltersInput>;
  not?: InputMaybe<TrainerKitFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<TrainerKitFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  seo?: InputMaybe<ComponentSharedSeoFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  summary?: InputMaybe<StringFilterInput>;
  title?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type TrainerKitInput = {
  facilitatorGuide?: InputMaybe<Scalars['String']['input']>;
  files?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  licence?: InputMaybe<Scalars['String']['input']>;
  licenceUrl?: InputMaybe<Scalars['String']['input']>;
  module?: InputMaybe<Scalars['ID']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  slug?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type TrainersCornerInput = {
  community?: InputMaybe<Scalars['String']['input']>;
  communityTitle?: InputMaybe<Scalars['String']['input']>;
  intro?: InputMaybe<Scalars['String']['input']>;
  kitsIntro?: InputMaybe<Scalars['String']['input']>;
  kitsTitle?: InputMaybe<Scalars['String']['input']>;
  programme?: InputMaybe<Scalars['String']['input']>;
  programmeSessions?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  programmeTitle?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type TrainingSessionFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<TrainingSessionFiltersInput>>>;
  audiences?: InputMaybe<AudienceFiltersInput>;
  capacity?: InputMaybe<IntFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  endsAt?: InputMaybe<DateTimeFilterInput>;
  externalRegistrationUrl?: InputMaybe<StringFilterInput>;
  format?: InputMaybe<StringFilterInput>;
  hours?: InputMaybe<FloatFilterInput>;
  isFree?: InputMaybe<BooleanFilterInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<TrainingSessionFiltersInput>;
  module?: InputMaybe<ModuleFiltersInput>;
  not?: InputMaybe<TrainingSessionFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<TrainingSessionFiltersInput>>>;
  organiser?: InputMaybe<OrganisationFiltersInput>;
  price?: InputMaybe<FloatFilterInput>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  registrationClosesAt?: InputMaybe<DateTimeFilterInput>;
  registrationOpensAt?: InputMaybe<DateTimeFilterInput>;
  seo?: InputMaybe<ComponentSharedSeoFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  startsAt?: InputMaybe<DateTimeFilterInput>;
  teachingLanguage?: InputMaybe<StringFilterInput>;
  timezone?: InputMaybe<StringFilterInput>;
  title?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  venue?: InputMaybe<StringFilterInput>;
};

export type TrainingSessionInput = {
  audiences?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  capacity?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  externalRegistrationUrl?: InputMaybe<Scalars['String']['input']>;
  format?: InputMaybe<Enum_Trainingsession_Format>;
  hours?: InputMaybe<Scalars['Float']['input']>;
  isFree?: InputMaybe<Scalars['Boolean']['input']>;
  module?: InputMaybe<Scalars['ID']['input']>;
  organiser?: InputMaybe<Scalars['ID']['input']>;
  price?: InputMaybe<Scalars['Float']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  registrationClosesAt?: InputMaybe<Scalars['DateTime']['input']>;
  registrationOpensAt?: InputMaybe<Scalars['DateTime']['input']>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  slug?: InputMaybe<Scalars['String']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  teachingLanguage?: InputMaybe<Enum_Trainingsession_Teachinglanguage>;
  timezone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  venue?: InputMaybe<Scalars['String']['input']>;
};

/** A reader's registration for a training session. Refusals are GraphQL errors with `extensions.code` (one of INVALID_INPUT, SESSION_NOT_FOUND, EXTERNAL_REGISTRATION, REGISTRATION_NOT_OPEN, REGISTRATION_CLOSED, SESSION_PAST, FORM_EXPIRED, TOO_FAST, SPAM_SUSPECTED, RATE_LIMITED, REGISTRATION_NOT_FOUND), `extensions.field` (the input field concerned, or null) and a message in the requested locale. INVALID_INPUT lists every invalid field in `extensions.fieldErrors` ([{ field, code, message }], code one of REQUIRED, TOO_LONG, INVALID_EMAIL, INVALID_VALUE, CONSENT_REQUIRED); EXTERNAL_REGISTRATION carries `extensions.url`; RATE_LIMITED carries `extensions.retryAfterSeconds`. A refused call changes nothing. */
export type TrainingSessionRegistrationInput = {
  /** Must be true: the reader ticked the (unticked by default) box accepting the privacy policy. */
  consent: Scalars['Boolean']['input'];
  /** Required, a valid address, at most 254 characters. Compared case-insensitively: one live registration per address and session. */
  email: Scalars['String']['input'];
  /** The token from `trainingSessionRegistrationFormToken`, fetched when the form was rendered. Refused as FORM_EXPIRED when forged, for another session or older than REGISTRATION_FORM_TOKEN_MAX_AGE_S (24 h), and as TOO_FAST when sent less than REGISTRATION_MIN_FILL_S (3 s) after it was issued. */
  formToken: Scalars['String']['input'];
  /** Required, at most 120 characters. */
  fullName: Scalars['String']['input'];
  /** en, fr, it or es: the language of error messages and of every mail to the registrant. */
  locale: Scalars['String']['input'];
  /** Optional, at most 200 characters. */
  organisation?: InputMaybe<Scalars['String']['input']>;
  /** The documentId of the training session. */
  session: Scalars['ID']['input'];
  /** Honeypot: a field hidden from people (and from assistive technology); anything in it is refused as SPAM_SUSPECTED. Send it empty or leave it out. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** confirmed: the registrant has a place; waitlisted: the session was full, they get the next free place; cancelled. */
export type TrainingSessionRegistrationStatus =
  | 'cancelled'
  | 'confirmed'
  | 'waitlisted';

export type UploadFileFiltersInput = {
  alternativeText?: InputMaybe<StringFilterInput>;
  and?: InputMaybe<Array<InputMaybe<UploadFileFiltersInput>>>;
  caption?: InputMaybe<StringFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  ext?: InputMaybe<StringFilterInput>;
  focalPoint?: InputMaybe<JsonFilterInput>;
  formats?: InputMaybe<JsonFilterInput>;
  hash?: InputMaybe<StringFilterInput>;
  height?: InputMaybe<IntFilterInput>;
  mime?: InputMaybe<StringFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<UploadFileFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<UploadFileFiltersInput>>>;
  previewUrl?: InputMaybe<StringFilterInput>;
  provider?: InputMaybe<StringFilterInput>;
  provider_metadata?: InputMaybe<JsonFilterInput>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  size?: InputMaybe<FloatFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  url?: InputMaybe<StringFilterInput>;
  width?: InputMaybe<IntFilterInput>;
};

export type UsersPermissionsLoginInput = {
  identifier: Scalars['String']['input'];
  password: Scalars['String']['input'];
  provider?: Scalars['String']['input'];
};

export type UsersPermissionsPermissionFiltersInput = {
  action?: InputMaybe<StringFilterInput>;
  and?: InputMaybe<Array<InputMaybe<UsersPermissionsPermissionFiltersInput>>>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  not?: InputMaybe<UsersPermissionsPermissionFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<UsersPermissionsPermissionFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  role?: InputMaybe<UsersPermissionsRoleFiltersInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type UsersPermissionsRegisterInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type UsersPermissionsRoleFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<UsersPermissionsRoleFiltersInput>>>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  name?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<UsersPermissionsRoleFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<UsersPermissionsRoleFiltersInput>>>;
  permissions?: InputMaybe<UsersPermissionsPermissionFiltersInput>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  type?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  users?: InputMaybe<UsersPermissionsUserFiltersInput>;
};

export type UsersPermissionsRoleInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  permissions?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  users?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
};

export type UsersPermissionsUserFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<UsersPermissionsUserFiltersInput>>>;
  blocked?: InputMaybe<BooleanFilterInput>;
  confirmed?: InputMaybe<BooleanFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  email?: InputMaybe<StringFilterInput>;
  not?: InputMaybe<UsersPermissionsUserFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<UsersPermissionsUserFiltersInput>>>;
  provider?: InputMaybe<StringFilterInput>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  role?: InputMaybe<UsersPermissionsRoleFiltersInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
  username?: InputMaybe<StringFilterInput>;
};

export type UsersPermissionsUserInput = {
  blocked?: InputMaybe<Scalars['Boolean']['input']>;
  confirmationToken?: InputMaybe<Scalars['String']['input']>;
  confirmed?: InputMaybe<Scalars['Boolean']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  provider?: InputMaybe<Scalars['String']['input']>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  resetPasswordToken?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['ID']['input']>;
  username?: InputMaybe<Scalars['String']['input']>;
};

export type WebinarFiltersInput = {
  and?: InputMaybe<Array<InputMaybe<WebinarFiltersInput>>>;
  competences?: InputMaybe<CompetenceFiltersInput>;
  coverAlt?: InputMaybe<StringFilterInput>;
  coverDecorative?: InputMaybe<BooleanFilterInput>;
  createdAt?: InputMaybe<DateTimeFilterInput>;
  description?: InputMaybe<StringFilterInput>;
  documentId?: InputMaybe<IdFilterInput>;
  endsAt?: InputMaybe<DateTimeFilterInput>;
  joinUrl?: InputMaybe<StringFilterInput>;
  language?: InputMaybe<StringFilterInput>;
  locale?: InputMaybe<StringFilterInput>;
  localizations?: InputMaybe<WebinarFiltersInput>;
  modules?: InputMaybe<ModuleFiltersInput>;
  not?: InputMaybe<WebinarFiltersInput>;
  or?: InputMaybe<Array<InputMaybe<WebinarFiltersInput>>>;
  publishedAt?: InputMaybe<DateTimeFilterInput>;
  replayCaptions?: InputMaybe<ComponentWebinarCaptionFiltersInput>;
  replayDuration?: InputMaybe<IntFilterInput>;
  replayUrl?: InputMaybe<StringFilterInput>;
  seo?: InputMaybe<ComponentSharedSeoFiltersInput>;
  slug?: InputMaybe<StringFilterInput>;
  speakers?: InputMaybe<ComponentWebinarSpeakerFiltersInput>;
  startsAt?: InputMaybe<DateTimeFilterInput>;
  summary?: InputMaybe<StringFilterInput>;
  themes?: InputMaybe<ThemeFiltersInput>;
  timezone?: InputMaybe<StringFilterInput>;
  title?: InputMaybe<StringFilterInput>;
  transcript?: InputMaybe<StringFilterInput>;
  updatedAt?: InputMaybe<DateTimeFilterInput>;
};

export type WebinarInput = {
  competences?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  cover?: InputMaybe<Scalars['ID']['input']>;
  coverAlt?: InputMaybe<Scalars['String']['input']>;
  coverDecorative?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  joinUrl?: InputMaybe<Scalars['String']['input']>;
  language?: InputMaybe<Enum_Webinar_Language>;
  modules?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  replayCaptions?: InputMaybe<Array<InputMaybe<ComponentWebinarCaptionInput>>>;
  replayDuration?: InputMaybe<Scalars['Int']['input']>;
  replayPoster?: InputMaybe<Scalars['ID']['input']>;
  replayUrl?: InputMaybe<Scalars['String']['input']>;
  replayVideo?: InputMaybe<Scalars['ID']['input']>;
  seo?: InputMaybe<ComponentSharedSeoInput>;
  slug?: InputMaybe<Scalars['String']['input']>;
  speakers?: InputMaybe<Array<InputMaybe<ComponentWebinarSpeakerInput>>>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  themes?: InputMaybe<Array<InputMaybe<Scalars['ID']['input']>>>;
  timezone?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  transcript?: InputMaybe<Scalars['String']['input']>;
};
