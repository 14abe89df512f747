// survey-core ships its translations without typings; each module only registers its strings.
declare module 'survey-core/i18n/*'
