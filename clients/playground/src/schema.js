import { buildSchema } from 'graphql';
import sdl from '../../../schema/schema.graphql?raw';

/**
 * The schema for GraphiQL's docs and autocompletion: the contract, schema/schema.graphql, bundled at
 * build time (a server test keeps it identical to the running schema). GraphiQL would otherwise
 * introspect, and the server's limits refuse graphql-js's introspection query (depth 15 against
 * GraphQL:MaxDepth 12; even a three-level one scores ~345,000 against GraphQL:MaxComplexity 25,000).
 * Coaches can still send their own introspection queries within those limits.
 */
export const contractSchema = buildSchema(sdl);
