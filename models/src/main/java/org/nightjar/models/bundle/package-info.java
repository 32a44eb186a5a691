/**
 * Model bundles: a directory (or classpath folder) holding {@code manifest.json} and named
 * component files, each verified against the SHA-256 the manifest records before anything is
 * used. Generic over components; typed loaders live next to the models that own them.
 */
package org.nightjar.models.bundle;
