/** Registers AddTags, ListTags and DeleteTags. */
import "./tags";
