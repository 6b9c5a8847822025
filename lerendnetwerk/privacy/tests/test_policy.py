"""Every field that holds personal data has a declared policy (deny by default, for data)."""

from lerendnetwerk.privacy.policy import POLICY, Erase
from lerendnetwerk.privacy.walk import field_exists, personal_field_keys, references


def test_every_personal_field_is_in_the_policy_table():
    missing = personal_field_keys() - set(POLICY)
    assert missing == set(), (
        "declare these fields in lerendnetwerk/privacy/policy.py (export and erasure) and in "
        "docs/processing-register.md"
    )


def test_the_policy_table_names_only_fields_that_exist():
    assert {key for key in POLICY if not field_exists(key)} == set()


def test_every_reference_to_a_person_is_erased_by_the_policy():
    # Retention and "not personal" are for fields without a link to an account.
    kept = {
        r.key for r in references() if POLICY[r.key].erase in {Erase.RETENTION, Erase.NOT_PERSONAL}
    }
    assert kept == set()


def test_a_placeholder_only_where_the_column_needs_a_person():
    for reference in references():
        if POLICY[reference.key].erase == Erase.UNLINK:
            assert reference.field.null, f"{reference.key} cannot be emptied: use a placeholder"
