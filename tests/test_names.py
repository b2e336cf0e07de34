"""No public name shadows a module, and renamed functions still answer with a warning."""

from __future__ import annotations

import importlib
import pkgutil
import warnings
from types import ModuleType

import pytest

import dinnet


def packages() -> list[ModuleType]:
    found = [dinnet]
    for info in pkgutil.walk_packages(dinnet.__path__, "dinnet."):
        module = importlib.import_module(info.name)
        if info.ispkg:
            found.append(module)
    return found


@pytest.mark.parametrize("package", packages(), ids=lambda p: p.__name__)
def test_no_attribute_shadows_a_submodule(package: ModuleType) -> None:
    for info in pkgutil.iter_modules(package.__path__):
        name = f"{package.__name__}.{info.name}"
        module = importlib.import_module(name)
        assert getattr(package, info.name) is module, (
            f"{name} is {getattr(package, info.name)!r}, not the module")
        assert info.name not in getattr(package, "__all__", ()), f"{name} is in __all__"


def test_the_check_sees_a_shadowing_function() -> None:
    fake = ModuleType("dinnet.render")
    fake.__dict__.update(vars(dinnet.render))
    fake.portfolio_map = lambda: None  # type: ignore[attr-defined]
    with pytest.raises(AssertionError, match="not the module"):
        test_no_attribute_shadows_a_submodule(fake)


def test_audit_is_the_package_and_run_audit_the_function() -> None:
    import dinnet.audit

    assert isinstance(dinnet.audit, ModuleType)
    assert dinnet.run_audit is dinnet.audit.run_audit


def test_the_old_audit_spellings_warn_and_still_work() -> None:
    G = dinnet.load("tests/assets/minimal.yaml")
    expected = dinnet.run_audit(G)
    with pytest.warns(DeprecationWarning, match="run_audit"):
        from dinnet.audit import audit
    assert audit is dinnet.run_audit
    with pytest.warns(DeprecationWarning, match="run_audit"):
        assert dinnet.audit(G) == expected  # type: ignore[operator]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert dinnet.audit.run_audit(G) == expected
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        dinnet.audit.nothing  # noqa: B018
